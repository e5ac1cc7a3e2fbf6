"""Owners named in an import are found by phone number, or created once per number."""

import pytest
from django.core.files.base import ContentFile

from aftersales.customers.models import Address, Customer, Phone
from aftersales.units.importing import import_units
from aftersales.units.models import ImportBatch, Unit
from tests.factories import CustomerFactory, PhoneFactory, ProductModelFactory

pytestmark = pytest.mark.django_db

HEADER = "model_code,serial,customer_name,customer_phone,customer_national_id,city,region,address\n"


def run(text: str) -> ImportBatch:
    batch = ImportBatch(file_name="units.csv", sha256="x")
    batch.file.save("units.csv", ContentFile(text.encode()), save=False)
    batch.save()
    return import_units(batch=batch)


@pytest.fixture(autouse=True)
def catalogue(db):
    ProductModelFactory(code="AC-18")


def test_a_customer_is_created_once_per_phone_with_phone_and_address():
    batch = run(
        HEADER
        + "AC-18,S1,Sara Karimi,0912 345 6789,0499370899,Tehran,Tehran,12 Valiasr St\n"
        + "AC-18,S2,Sara Karimi,+98 912 345 6789,,Tehran,Tehran,12 Valiasr St\n"
        + "AC-18,S3,Sara K.,۰۹۱۲۳۴۵۶۷۸۹,,Karaj,Alborz,5 Azadi St\n"
        + "AC-18,S4,Marco Rossi,+39 347 123 4567,,Milano,Lombardia,Via Roma 1\n"
        + "AC-18,S5,,,,,,\n"
    )
    assert batch.rows_created == 5
    assert Customer.objects.count() == 2
    sara = Customer.objects.get(phones__number="+989123456789")
    assert (sara.first_name, sara.last_name, sara.display_name) == ("Sara", "Karimi", "Sara Karimi")
    assert sara.search_name == "sara karimi"
    assert sara.national_id == "0499370899"
    assert sara.country == "IR"
    assert sorted(sara.addresses.values_list("city", "is_default")) == [
        ("Karaj", False),
        ("Tehran", True),
    ]
    assert {unit.serial for unit in sara.units.all()} == {"S1", "S2", "S3"}
    s3 = Unit.objects.get(serial="S3")
    assert s3.installation_address.city == "Karaj"
    marco = Customer.objects.get(phones__number="+393471234567")
    assert (marco.country, marco.preferred_language) == ("IT", "it")
    assert Unit.objects.get(serial="S5").owner is None


def test_an_existing_customer_is_found_by_phone_and_on_reimport():
    known = CustomerFactory(first_name="Reza", last_name="Ahmadi")
    PhoneFactory(customer=known, number="+989121111111")
    run(HEADER + "AC-18,K1,Someone Else,09121111111,,,,\nAC-18,K2,New Person,09122222222,,,,\n")
    assert Unit.objects.get(serial="K1").owner == known
    assert Customer.objects.count() == 2
    newcomer = Unit.objects.get(serial="K2").owner

    run(HEADER + "AC-18,K3,New Person,0912 222 2222,,Qom,Qom,1 Main St\n")
    assert Customer.objects.count() == 2
    assert Phone.objects.filter(number="+989122222222").count() == 1
    assert Unit.objects.get(serial="K3").owner == newcomer
    assert Address.objects.get(customer=newcomer).is_default


def test_a_bad_national_code_rejects_the_row():
    batch = run(HEADER + "AC-18,N1,Ali,09123333333,1234567890,,,\n")
    assert batch.rows_created == 0
    assert batch.errors[0]["row"] == 2
    assert batch.errors[0]["column"] == "customer_national_id"
    assert Customer.objects.count() == 0
