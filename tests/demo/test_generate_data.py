"""`generate_data` makes exactly the rows asked for, valid and unique, the same for a seed."""

import phonenumbers
import pytest
from django.core.management import call_command
from stdnum.it import codicefiscale, iva

from aftersales.core.identity import is_valid_iran_national_code
from aftersales.core.models import User
from aftersales.core.text import search_key
from aftersales.customers.models import Address, Customer, Phone
from aftersales.customers.selectors import customers_find
from aftersales.demo.generate import generate
from aftersales.units.models import MeterReading, Unit

pytestmark = pytest.mark.django_db


def test_makes_exactly_the_customers_and_units_asked_for():
    call_command("generate_data", customers=300, units=700, seed=3)
    assert Customer.objects.count() == 300
    assert Unit.objects.count() == 700
    call_command("generate_data", customers=50, units=120, seed=4)
    assert Customer.objects.count() == 350
    assert Unit.objects.count() == 820


def test_units_alone_go_to_existing_customers():
    generate(40, 0, seed=1)
    generate(0, 100, seed=2)
    assert Unit.objects.count() == 100
    assert Unit.objects.filter(owner__isnull=False).count() > 80


def test_phones_are_valid_e164():
    generate(500, 0, seed=5)
    numbers = list(Phone.objects.values_list("number", flat=True))
    assert len(numbers) >= 500
    for number in numbers:
        parsed = phonenumbers.parse(number)
        assert phonenumbers.is_valid_number(parsed), number
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
    assert Phone.objects.filter(is_primary=True).count() == 500


def test_serials_are_unique_normalised_and_sorted_by_model():
    generate(100, 1_500, seed=6)
    generate(0, 500, seed=6)  # again with the same seed: serials must not repeat
    serials = list(Unit.objects.values_list("serial", flat=True))
    assert len(serials) == len(set(serials)) == 2_000
    assert all(serial == serial.upper() and " " not in serial for serial in serials)


def test_identity_numbers_are_valid():
    generate(1_000, 0, seed=7)
    iranian = Customer.objects.filter(country="IR").exclude(national_id="")
    italian = Customer.objects.filter(country="IT").exclude(national_id="")
    assert iranian.count() > 400 and italian.count() > 100
    for code in iranian.values_list("national_id", flat=True):
        assert is_valid_iran_national_code(code), code
    for code in italian.values_list("national_id", flat=True):
        assert codicefiscale.is_valid(code), code
    for number in Customer.objects.exclude(vat_number="").values_list("vat_number", flat=True):
        assert iva.is_valid(number), number


def test_derived_names_match_what_save_would_write():
    generate(300, 0, seed=8)
    for customer in Customer.objects.all():
        assert customer.display_name == customer.compose_name()
        assert customer.search_name == search_key(customer.display_name)
        assert customer.search_last == search_key(customer.last_name or customer.company_name)


def test_generated_customers_are_found_by_phone_and_name():
    generate(200, 0, seed=9)
    operator = User.objects.create(username="op", role="operator")
    phone = Phone.objects.filter(number__startswith="+989").select_related("customer").first()
    national = "0" + phone.number[3:]
    assert phone.customer in customers_find(user=operator, query=national)
    customer = Customer.objects.filter(kind="person").first()
    assert customer in customers_find(user=operator, query=customer.last_name)


def test_units_are_consistent():
    generate(200, 1_000, seed=10)
    for unit in Unit.objects.select_related("installation_address"):
        if unit.sale_date:
            assert unit.production_date <= unit.sale_date
        if unit.installation_date:
            assert unit.sale_date <= unit.installation_date
        if unit.installation_address:
            assert unit.installation_address.customer_id == unit.owner_id
    share = Unit.objects.filter(meter_readings__isnull=False).distinct().count() / 1_000
    assert 0.05 < share < 0.15
    assert not MeterReading.objects.filter(unit__product_model__usage_meter="none").exists()
    assert Address.objects.filter(is_default=True).count() == 200


def test_same_seed_same_data():
    generate(50, 100, seed=11)
    first = list(Customer.objects.order_by("pk").values_list("display_name", "national_id"))
    first_units = list(Unit.objects.order_by("pk").values_list("serial", "sale_date"))
    Unit.objects.all().delete()
    Customer.objects.all().delete()
    generate(50, 100, seed=11)
    assert list(Customer.objects.order_by("pk").values_list("display_name", "national_id")) == (
        first
    )
    assert list(Unit.objects.order_by("pk").values_list("serial", "sale_date")) == first_units
