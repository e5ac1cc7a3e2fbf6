"""Billing fixtures: the Iranian and Italian companies with their tariffs, and closed visits."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from aftersales.billing.models import Company, LabourRate, TaxRate, TravelZone
from aftersales.catalog.models import PartPrice
from aftersales.core.choices import Role
from aftersales.service import services as service
from aftersales.warranty.models import WarrantyPolicy
from tests.factories import AddressFactory, PartFactory, PhoneFactory
from tests.service.factories import open_request, scheduled_visit, technician_with_login

SINCE = dt.date(2020, 1, 1)


@pytest.fixture(autouse=True)
def _fresh_rule_book():
    from aftersales.warranty.coverage import clear_cache

    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def finance(make_user):
    return make_user(Role.FINANCE, username="finance")


@pytest.fixture
def dispatcher(make_user):
    return make_user(Role.DISPATCHER, username="dispatcher")


@pytest.fixture
def technician(db):
    return technician_with_login()


@pytest.fixture
def iran(db):
    company = Company.objects.create(
        country="IR", name="Aftersales Iran", currency="IRR", vat_number="411111111111"
    )
    TaxRate.objects.create(country="IR", percent=Decimal("10"), valid_from=SINCE)
    LabourRate.objects.create(
        country="IR",
        hourly_rate=Decimal("1500000"),
        commitment_rate=Decimal("1200000"),
        minimum_minutes=30,
        valid_from=SINCE,
    )
    TravelZone.objects.create(country="IR", name="City", up_to_km=20, fee=500000, valid_from=SINCE)
    TravelZone.objects.create(
        country="IR", name="Province", up_to_km=80, fee=1200000, valid_from=SINCE
    )
    return company


@pytest.fixture
def italy(db):
    company = Company.objects.create(country="IT", name="Aftersales Italia", currency="EUR")
    TaxRate.objects.create(country="IT", percent=Decimal("22"), valid_from=SINCE)
    LabourRate.objects.create(country="IT", hourly_rate=Decimal("48.50"), valid_from=SINCE)
    TravelZone.objects.create(country="IT", name="Zona 1", up_to_km=30, fee=25, valid_from=SINCE)
    return company


@pytest.fixture
def compressor(db):
    part = PartFactory(sku="CMP-18", name="Compressor 18k")
    PartPrice.objects.create(
        part=part, price_list="customer", currency="IRR", amount=42_000_000, valid_from=SINCE
    )
    PartPrice.objects.create(
        part=part, price_list="customer", currency="EUR", amount=Decimal("310.00"), valid_from=SINCE
    )
    return part


@pytest.fixture
def warranty_policy(owned_unit):
    """The owned unit's model: parts and labour fully covered, travel half, for 24 months."""
    return WarrantyPolicy.objects.create(
        name="AC 24 months",
        product_model=owned_unit.product_model,
        months=24,
        parts_pct=100,
        labour_pct=100,
        travel_pct=50,
    )


@pytest.fixture
def close_visit(service_data, operator, dispatcher, technician):
    """Run a job through the service flow and close its visit: returns the visit."""

    def run(
        *, customer, unit=None, parts=(), minutes=45, code="repair", request=None, signature=""
    ):
        if not customer.addresses.exists():
            AddressFactory(customer=customer, region="Tehran")
        if not customer.phones.exists():
            PhoneFactory(customer=customer)
        if request is None:
            request = open_request(by=operator, customer=customer, unit=unit, code=code)
        visit = scheduled_visit(request=request, technician=technician, by=dispatcher)
        service.visit_check_in(visit=visit, by=technician.user)
        for part, quantity in parts:
            service.visit_add_part(visit=visit, part=part, quantity=quantity, by=technician.user)
        if signature:
            service.visit_sign(
                visit=visit, data_url=signature, signed_by=customer.display_name, by=technician.user
            )
        return service.visit_close(
            visit=visit,
            by=technician.user,
            result="fixed",
            labour_minutes=minutes,
            at=timezone.now(),
        )

    return run


@pytest.fixture
def italian_company(italy):
    """The Italian company as a FatturaPA needs it: a partita IVA and an address with CAP."""
    italy.vat_number = "12345670157"
    italy.address = "Via Torino 5, 20123 Milano (MI)"
    italy.email = "fatture@example.it"
    italy.save()
    return italy


@pytest.fixture
def italian_customer(stranger):
    """`stranger` living in Milan, with a codice fiscale and an address with its CAP."""
    from aftersales.customers.models import Address

    stranger.country = "IT"
    stranger.preferred_language = "it"
    stranger.national_id = "RSSMRA80A01H501U"
    stranger.save()
    Address.objects.create(
        customer=stranger,
        country="IT",
        region="MI",
        city="Milano",
        line="Via Roma 1",
        postal_code="20121",
        is_default=True,
    )
    return stranger


@pytest.fixture
def italian_invoice(italian_company, italian_customer, close_visit, strangers_unit):
    """The issued invoice of a repair at the Milan customer's."""
    from aftersales.billing.models import Invoice

    visit = close_visit(customer=italian_customer, unit=strangers_unit)
    invoice = Invoice.objects.get(visit=visit)
    assert invoice.status == "issued"
    return invoice
