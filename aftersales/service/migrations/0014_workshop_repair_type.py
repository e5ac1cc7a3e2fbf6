"""Data: the service type of a repair in a workshop (carry-in / walk-in), whose intake needs no
address (the customer brings the unit), with its check-list in Persian and Italian and the SLA
targets of a repair."""

from decimal import Decimal

from django.db import migrations

CODE = "workshop_repair"
STEPS = [
    "Check the unit against the intake receipt",
    "Reproduce the fault on the bench",
    "Diagnose and record failure codes",
    "Repair or replace parts",
    "Test run on the bench",
    "Clean the unit and pack it with its accessories",
]
PERSIAN = [
    "تطبیق دستگاه با رسید پذیرش",
    "بازتولید خرابی روی میز کار",
    "عیب‌یابی و ثبت کدهای خرابی",
    "تعمیر یا تعویض قطعات",
    "آزمایش کارکرد روی میز کار",
    "تمیز کردن دستگاه و بسته‌بندی آن با متعلقات",
]
ITALIAN = [
    "Confrontare l'apparecchio con la ricevuta di accettazione",
    "Riprodurre il guasto al banco",
    "Diagnosticare e registrare i codici di guasto",
    "Riparare o sostituire i ricambi",
    "Prova di funzionamento al banco",
    "Pulire l'apparecchio e imballarlo con i suoi accessori",
]
# priority: (response, resolution) business hours, as a repair at the customer's
TARGETS = {1: (24, 64), 2: (16, 40), 3: (8, 24), 4: (4, 16)}


def load(apps, schema_editor):
    ServiceType = apps.get_model("service", "ServiceType")
    SlaTarget = apps.get_model("service", "SlaTarget")
    service_type, _ = ServiceType.objects.get_or_create(
        code=CODE,
        defaults={
            "name_en": "Workshop repair (carry-in)",
            "name_fa": "تعمیر در تعمیرگاه (مراجعه حضوری)",
            "name_it": "Riparazione in laboratorio (portato dal cliente)",
            "needs_unit": True,
            "needs_visit": False,  # bench work, planned from the workshop job, not by dispatch
            "priority_weight": Decimal("1.0"),
            "required_fields": [],  # no address: the unit is brought in
            "checklist": STEPS,
            "checklist_fa": dict(zip(STEPS, PERSIAN, strict=True)),
            "checklist_it": dict(zip(STEPS, ITALIAN, strict=True)),
        },
    )
    for priority, (response, resolution) in TARGETS.items():
        SlaTarget.objects.get_or_create(
            service_type=service_type,
            priority=priority,
            defaults={"response_hours": response, "resolution_hours": resolution},
        )


class Migration(migrations.Migration):
    dependencies = [("service", "0013_visit_purpose")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
