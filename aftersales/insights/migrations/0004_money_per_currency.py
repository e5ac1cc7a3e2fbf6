"""Money in the facts per currency: `claims_cost` and `sales_value` become one column per
currency (`claims_cost_irr`, `claims_cost_eur`, ...).

The old columns held the amounts of the company's currency only (the one the last refresh noted
in `RefreshLog.currency`): they are copied into that currency's column, so the dashboard shows
what it showed before until the facts are rebuilt. The amounts of the other currencies were
never counted: `RefreshLog.layout` starts at 0, so the next refresh (the scheduled task, or
`manage.py refresh_insights`) rebuilds every day by itself and fills them in.
"""

from django.db import migrations, models
from django.db.models import F

CURRENCIES = ("IRR", "EUR")


def copy_old_sums(apps, schema_editor):
    RefreshLog = apps.get_model("insights", "RefreshLog")
    last = (
        RefreshLog.objects.filter(finished_at__isnull=False)
        .exclude(currency="")
        .order_by("-started_at", "-pk")
        .values_list("currency", flat=True)
        .first()
    )
    currency = (last or "IRR").lower()
    if currency.upper() not in CURRENCIES:
        return
    for name in ("DailyFact", "MonthlyFact"):
        apps.get_model("insights", name).objects.update(
            **{
                f"claims_cost_{currency}": F("claims_cost"),
                f"sales_value_{currency}": F("sales_value"),
            }
        )


def money_field():
    return models.DecimalField(decimal_places=2, default=0, max_digits=20)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0003_exchange_rates"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=model, name=f"{measure}_{currency}", field=money_field())
            for model in ("dailyfact", "monthlyfact")
            for measure in ("claims_cost", "sales_value")
            for currency in ("irr", "eur")
        ),
        migrations.AddField(
            model_name="refreshlog",
            name="layout",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="layout of the figures"),
        ),
        migrations.RunPython(copy_old_sums, migrations.RunPython.noop),
        *(
            migrations.RemoveField(model_name=model, name=name)
            for model in ("dailyfact", "monthlyfact")
            for name in ("claims_cost", "sales_value")
        ),
        migrations.RemoveField(model_name="refreshlog", name="currency"),
    ]
