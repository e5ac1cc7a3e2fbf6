"""Dispatch fixtures: a working day, technicians with homes in Tehran, an F-gas qualification
for air-conditioner repairs, and triaged requests at addresses with a map position."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.service import services as service_services
from aftersales.workforce.models import Certification, Qualification
from aftersales.workshop import services as workshop
from aftersales.workshop.models import Workshop
from tests.factories import (
    AddressFactory,
    CategoryFactory,
    CustomerFactory,
    ProductModelFactory,
    TechnicianFactory,
    UnitFactory,
)
from tests.service.factories import open_request, service_type


@pytest.fixture
def day():
    """The next working day in Iran (not a Friday): today's shifts may already be over."""
    day = timezone.localdate() + dt.timedelta(days=1)
    while day.weekday() == 4:
        day += dt.timedelta(days=1)
    return day


@pytest.fixture
def dispatcher(make_user):
    return make_user(Role.DISPATCHER, username="dispatcher")


@pytest.fixture
def cooling(db):
    return CategoryFactory(code="ac", name_en="Air conditioners")


@pytest.fixture
def washing(db):
    return CategoryFactory(code="wm", name_en="Washing machines")


@pytest.fixture
def make_technician(db):
    def make(name, *, categories=(), lat=35.70, lon=51.40, agent=None, **kwargs):
        technician = TechnicianFactory(
            first_name=name,
            last_name="Tech",
            agent=agent,
            home_latitude=Decimal(str(lat)),
            home_longitude=Decimal(str(lon)),
            **kwargs,
        )
        technician.categories.set(categories)
        return technician

    return make


@pytest.fixture
def make_request(operator, service_data):
    """A triaged repair of a unit of `category` at (lat, lon), wanted on `day`."""
    counter = iter(range(1, 10_000))

    def make(category, *, lat=35.72, lon=51.42, day=None, agent=None, code="repair"):
        n = next(counter)
        customer = CustomerFactory(first_name="Customer", last_name=f"N{n}")
        AddressFactory(
            customer=customer,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
            is_default=True,
        )
        unit = UnitFactory(
            owner=customer,
            service_agent=agent,
            serial=f"SN-{n:05d}",
            product_model=ProductModelFactory(category=category),
        )
        request = open_request(
            by=operator, customer=customer, unit=unit, code=code, preferred_date=day, agent=agent
        )
        return service_services.request_triage(request=request, by=operator)

    return make


@pytest.fixture
def f_gas(cooling, service_data):
    """Refrigerant handling: needed for repairs of air conditioners."""
    qualification = Qualification.objects.create(name="F-gas handling")
    qualification.categories.set([cooling])
    qualification.service_types.set([service_type("repair")])
    return qualification


def certify(technician, qualification, *, issued_on, expires_on):
    return Certification.objects.create(
        technician=technician,
        qualification=qualification,
        number=f"C-{technician.pk}",
        issued_on=issued_on,
        expires_on=expires_on,
    )


# --- units in a workshop -----------------------------------------------------------------------
@pytest.fixture
def centre(db):
    return Workshop.objects.create(code="WS-TEH", name="Tehran service centre")


def receive(request, centre, operator):
    """`request`'s unit carried in to the workshop `centre`."""
    return workshop.job_receive(
        request=request, workshop=centre, by=operator, arrival="carried_in", condition="Dented"
    )
