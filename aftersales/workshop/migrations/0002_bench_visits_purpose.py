"""Data: the visits made on a workshop's bench before visits said what they were for become
bench work (a visit at the customer's is the default)."""

from django.db import migrations


def mark(apps, schema_editor):
    Visit = apps.get_model("service", "Visit")
    WorkshopJob = apps.get_model("workshop", "WorkshopJob")
    bench = WorkshopJob.bench_visits.through.objects.values("visit_id")
    Visit.objects.filter(pk__in=bench).update(purpose="bench")


class Migration(migrations.Migration):
    dependencies = [
        ("workshop", "0001_initial"),
        ("service", "0013_visit_purpose"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
