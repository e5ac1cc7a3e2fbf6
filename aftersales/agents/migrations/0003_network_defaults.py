"""The selection criteria, scorecard metrics and grades a new installation starts with.

All of them are editable; `load` is also what tests call to get them back after a transactional
test has emptied the database.
"""

from decimal import Decimal

from django.db import migrations

CRITERIA = [
    (
        "need",
        "Need in the region",
        "Units in service and requests per month against the agents already there.",
        "20",
    ),
    (
        "premises",
        "Premises",
        "Workshop and reception area, location, access, storage for parts.",
        "15",
    ),
    (
        "certified-staff",
        "Certified staff",
        "Technicians holding the certifications the work needs.",
        "20",
    ),
    (
        "equipment",
        "Equipment",
        "Tools and instruments against the equipment list of the grade sought.",
        "15",
    ),
    ("capital", "Capital", "Working capital to stock parts and wait for settlements.", "15"),
    ("experience", "Experience", "Years and kind of after-sales work done, references.", "15"),
]

METRICS = [
    # metric, weight, zero points at, full points at
    ("first_time_fix_rate", "20", "0.50", "0.90"),
    ("sla_compliance", "20", "0.60", "0.95"),
    ("csat", "10", "0.50", "0.90"),
    ("nps", "5", "0", "60"),
    ("repeat_visit_rate", "10", "0.20", "0.05"),
    ("complaints_per_100_jobs", "10", "5", "0.5"),
    ("claim_rejection_rate", "10", "0.30", "0.05"),
    ("part_return_compliance", "10", "0.50", "1.00"),
    ("certified_share", "5", "0.30", "1.00"),
]

GRADES = [
    # code, name, rank, minimum score, tariff level, settlement adjustment %
    ("A", "Excellent", 1, "80", 3, "5"),
    ("B", "Good", 2, "60", 2, "0"),
    ("C", "Under improvement", 3, "0", 1, "-5"),
]


def load(apps, schema_editor):
    Criterion = apps.get_model("agents", "Criterion")
    ScorecardMetric = apps.get_model("agents", "ScorecardMetric")
    Grade = apps.get_model("agents", "Grade")
    for code, name, description, weight in CRITERIA:
        Criterion.objects.get_or_create(
            code=code,
            defaults={"name": name, "description": description, "weight": Decimal(weight)},
        )
    for metric, weight, floor, target in METRICS:
        ScorecardMetric.objects.get_or_create(
            metric=metric,
            defaults={
                "weight": Decimal(weight),
                "floor": Decimal(floor),
                "target": Decimal(target),
            },
        )
    for code, name, rank, min_score, tariff, adjustment in GRADES:
        Grade.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "rank": rank,
                "min_score": Decimal(min_score),
                "tariff_level": tariff,
                "settlement_adjustment_percent": Decimal(adjustment),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("agents", "0002_agentdocument_agentequipment_application_contract_and_more")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
