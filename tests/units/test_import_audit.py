"""Units, customers and phones created by an import leave audit entries, with the uploader."""

import pytest
from auditlog.models import LogEntry
from django.core.files.base import ContentFile

from aftersales.customers.models import Customer
from aftersales.units.importing import import_units
from aftersales.units.models import ImportBatch, Unit
from tests.factories import ProductModelFactory

pytestmark = pytest.mark.django_db


def test_imported_units_and_customers_have_a_creation_entry_by_the_uploader(operator):
    ProductModelFactory(code="AC-18")
    text = "model_code,serial,sale_date,customer_name,customer_phone\n"
    text += "AC-18,S1,2025-02-01,Sara Karimi,09123456789\nAC-18,S2,,,\n"
    batch = ImportBatch(file_name="units.csv", sha256="x", uploaded_by=operator)
    batch.file.save("units.csv", ContentFile(text.encode()), save=False)
    batch.save()
    import_units(batch=batch)

    unit = Unit.objects.get(serial="S1")
    entry = LogEntry.objects.get_for_object(unit).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == operator
    assert entry.object_repr == str(unit)
    assert entry.changes["serial"] == ["None", "S1"]
    assert entry.changes["sale_date"] == ["None", "2025-02-01"]
    assert entry.changes["source"] == ["None", "import"]
    assert LogEntry.objects.get_for_object(Unit.objects.get(serial="S2")).count() == 1
    customer = Customer.objects.get()
    assert LogEntry.objects.get_for_object(customer).get().actor == operator
    assert LogEntry.objects.get_for_object(customer.phones.get()).count() == 1

    again = ImportBatch(file_name="units.csv", sha256="x", uploaded_by=operator)
    again.file.save("units.csv", ContentFile(text.encode()), save=False)
    again.save()
    import_units(batch=again)
    assert LogEntry.objects.get_for_object(unit).count() == 1
