from django.db import migrations

DEFAULTS = {"registration": 100, "survey": 50}


def rules(apps, schema_editor):
    EarningRule = apps.get_model("club", "EarningRule")
    for event, points in DEFAULTS.items():
        EarningRule.objects.get_or_create(event=event, defaults={"points": points})


class Migration(migrations.Migration):
    dependencies = [("club", "0001_initial")]

    operations = [migrations.RunPython(rules, migrations.RunPython.noop)]
