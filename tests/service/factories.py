"""Factories of service delivery, on top of tests/factories.py."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from aftersales.core.choices import Role
from aftersales.service import services
from aftersales.service.models import ServiceType
from tests.factories import TechnicianFactory, UserFactory


def service_type(code="repair") -> ServiceType:
    return ServiceType.objects.get(code=code)


def open_request(*, by, customer, unit=None, code="repair", at=None, **kwargs):
    kwargs.setdefault("channel", "phone")
    kwargs.setdefault("description", "It does not cool")
    if code in ("repair", "installation", "maintenance", "relocation", "measurement"):
        kwargs.setdefault("address", _address(customer))
    if code in ("installation", "maintenance", "relocation", "measurement", "training"):
        kwargs.setdefault("preferred_date", dt.date(2026, 7, 1))
    return services.request_open(
        by=by, customer=customer, unit=unit, service_type=service_type(code), at=at, **kwargs
    )


def _address(customer):
    from tests.factories import AddressFactory

    return customer.addresses.first() or AddressFactory(customer=customer)


def technician_with_login(*, agent=None, username="tech"):
    user = UserFactory(username=username, role=Role.TECHNICIAN, agent=agent)
    return TechnicianFactory(user=user, agent=agent)


def scheduled_visit(*, request, technician, by, start=None):
    if request.status == "new":
        request = services.request_triage(request=request, by=by)
    start = start or timezone.now().replace(minute=0, second=0, microsecond=0)
    return services.visit_schedule(
        request=request,
        technician=technician,
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
        by=by,
    )


class HolidayFactory(DjangoModelFactory):
    class Meta:
        model = "service.Holiday"

    calendar = "IR"
    date = dt.date(2026, 1, 1)
    name = factory.Sequence(lambda n: f"Holiday {n}")
