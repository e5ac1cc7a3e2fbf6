"""Fixtures of the agent network: the shipped criteria, metrics and grades; records of work."""

import datetime as dt
import importlib
import itertools
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps

from aftersales.core.choices import Role

TEHRAN = ZoneInfo("Asia/Tehran")
_numbers = itertools.count(1)


def at(year, month, day, hour=10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=TEHRAN)


@pytest.fixture
def network_defaults(db):
    """The criteria, scorecard metrics and grades the data migration ships (a transactional test
    empties the database after itself, so they are loaded again)."""
    importlib.import_module("aftersales.agents.migrations.0003_network_defaults").load(apps, None)


@pytest.fixture
def service_type(db):
    from aftersales.service.models import ServiceType

    return ServiceType.objects.get_or_create(code="repair", defaults={"name_en": "Repair"})[0]


def make_request(*, agent, unit, service_type, opened, resolved=None, due=None, ftf=None, **extra):
    """A service request with its outcome as the service app records it (test data)."""
    from aftersales.service.models import ServiceRequest

    return ServiceRequest.objects.create(
        number=f"SR-T-{next(_numbers):05d}",
        service_type=service_type,
        customer=unit.owner,
        unit=unit,
        channel="phone",
        description="Does not cool",
        status=extra.pop("status", "closed" if resolved else "new"),
        agent=agent,
        opened_at=opened,
        resolved_at=resolved,
        resolution_due=due,
        first_time_fix=ftf,
        **extra,
    )


def make_visit(*, request, technician, start, status="done"):
    """A visit of a request (test data)."""
    from aftersales.service.models import Visit

    return Visit.objects.create(
        number=f"V-T-{next(_numbers):05d}",
        request=request,
        technician=technician,
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
        status=status,
    )


@pytest.fixture
def agent_manager(make_user):
    return make_user(Role.MANAGER, username="networkmanager")
