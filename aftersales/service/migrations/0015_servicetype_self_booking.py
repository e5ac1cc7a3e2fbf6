from django.db import migrations, models


def bookable_types(apps, schema_editor):
    """Repairs and maintenance visits are booked by the customer; the rest stay with the desk."""
    ServiceType = apps.get_model("service", "ServiceType")
    ServiceType.objects.filter(code__in=["repair", "maintenance"]).update(self_booking=True)


class Migration(migrations.Migration):
    dependencies = [
        ("service", "0014_workshop_repair_type"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicetype",
            name="self_booking",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Customers choose the visit's time themselves on the portal, from the "
                    "technicians' free time; leave it off for work a dispatcher must plan (e.g. "
                    "site measurements)."
                ),
                verbose_name="customers choose the time",
            ),
        ),
        migrations.RunPython(bookable_types, migrations.RunPython.noop),
    ]
