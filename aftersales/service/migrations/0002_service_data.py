"""Data: the nine service types with intake fields and check-lists, SLA targets per type and
priority (business hours), and holidays of both calendars."""

import datetime as dt
from decimal import Decimal

import jdatetime
from django.db import migrations

# code, English, Persian, Italian, needs unit, needs visit, weight, required fields, check-list
TYPES = [
    ("installation", "Installation", "نصب", "Installazione", True, True, "1.0",
     ["address", "preferred_date"],
     ["Check the site and the power supply", "Install and fix the unit", "Test run",
      "Explain use and care to the customer", "Register the installation"]),
    ("repair", "Repair", "تعمیر", "Riparazione", True, True, "1.0", ["address"],
     ["Reproduce the fault", "Check the power supply", "Diagnose and record failure codes",
      "Repair or replace parts", "Test run with the customer"]),
    ("maintenance", "Periodic maintenance", "سرویس دوره‌ای", "Manutenzione periodica", True, True,
     "0.7", ["address", "preferred_date"],
     ["Clean filters and coils", "Check pressures and levels", "Tighten connections",
      "Record the meter reading"]),
    ("support", "Technical support", "پشتیبانی فنی", "Supporto tecnico", False, False, "0.8", [],
     ["Identify the product", "Troubleshoot with the customer", "Record the outcome"]),
    ("training", "Customer training", "آموزش مشتری", "Formazione del cliente", False, False, "0.5",
     ["preferred_date"],
     ["Explain operation", "Explain care and maintenance", "Answer questions"]),
    ("measurement", "Site measurement", "اندازه‌گیری محل", "Rilievo misure", False, True, "0.6",
     ["address", "preferred_date"],
     ["Measure the openings", "Take photos", "Send the proposal to the design unit"]),
    ("consultation", "Technical consultation", "مشاوره فنی", "Consulenza tecnica", False, False,
     "0.5", [], ["Understand the need", "Propose a solution"]),
    ("parts_sale", "Spare-parts sale", "فروش قطعه", "Vendita ricambi", False, False, "0.6", [],
     ["Identify the part", "Check availability", "Issue the invoice"]),
    ("relocation", "Relocation", "جابجایی", "Trasloco", True, True, "0.6",
     ["address", "preferred_date"],
     ["Uninstall safely", "Transport", "Reinstall and test run"]),
]
# priority: (response, resolution) business hours
TARGETS = {1: (24, 64), 2: (16, 40), 3: (8, 24), 4: (4, 16)}
IRAN_NOWRUZ = [(1, 1, "Nowruz"), (1, 2, "Nowruz"), (1, 3, "Nowruz"), (1, 4, "Nowruz"),
               (1, 12, "Islamic Republic Day"), (1, 13, "Nature Day")]
ITALY_FIXED = [(1, 1, "Capodanno"), (1, 6, "Epifania"), (4, 25, "Festa della Liberazione"),
               (5, 1, "Festa del Lavoro"), (6, 2, "Festa della Repubblica"),
               (8, 15, "Ferragosto"), (11, 1, "Ognissanti"), (12, 8, "Immacolata"),
               (12, 25, "Natale"), (12, 26, "Santo Stefano")]
EASTER_MONDAY = {2026: dt.date(2026, 4, 6), 2027: dt.date(2027, 3, 29)}


def load(apps, schema_editor):
    ServiceType = apps.get_model("service", "ServiceType")
    SlaTarget = apps.get_model("service", "SlaTarget")
    Holiday = apps.get_model("service", "Holiday")
    for code, en, fa, it, unit, visit, weight, required, checklist in TYPES:
        service_type, _ = ServiceType.objects.get_or_create(
            code=code,
            defaults={
                "name_en": en, "name_fa": fa, "name_it": it, "needs_unit": unit,
                "needs_visit": visit, "priority_weight": Decimal(weight),
                "required_fields": required, "checklist": checklist,
            },
        )
        factor = Decimal(1) if visit else Decimal("0.5")
        for priority, (response, resolution) in TARGETS.items():
            SlaTarget.objects.get_or_create(
                service_type=service_type,
                priority=priority,
                defaults={"response_hours": response * factor,
                          "resolution_hours": resolution * factor},
            )
    for jalali_year in (1405, 1406):
        for month, day, name in IRAN_NOWRUZ:
            date = jdatetime.date(jalali_year, month, day).togregorian()
            Holiday.objects.get_or_create(calendar="IR", date=date, defaults={"name": name})
    for year in (2026, 2027):
        for month, day, name in ITALY_FIXED:
            Holiday.objects.get_or_create(
                calendar="IT", date=dt.date(year, month, day), defaults={"name": name}
            )
        Holiday.objects.get_or_create(
            calendar="IT", date=EASTER_MONDAY[year], defaults={"name": "Lunedì dell'Angelo"}
        )


class Migration(migrations.Migration):
    dependencies = [("service", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
