"""A small world of service for the KPIs: two agents in two regions, a technician each, units
of two categories, and requests served through the real services at chosen moments."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest

from aftersales.core.choices import Role
from aftersales.service import services
from tests.factories import (
    AgentFactory,
    CategoryFactory,
    CustomerFactory,
    ProductModelFactory,
    UnitFactory,
)
from tests.service.factories import open_request, technician_with_login

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TEHRAN)


@pytest.fixture(autouse=True)
def _fresh_caches():
    from aftersales.service import caches
    from aftersales.service.business import forget_calendars

    caches.forget()
    forget_calendars()
    yield
    caches.forget()
    forget_calendars()


class World:
    def __init__(self, make_user):
        self.staff = make_user(Role.MANAGER, username="boss")
        self.north = AgentFactory(code="AG-N", name="North Service", city="Tabriz", region="North")
        self.south = AgentFactory(code="AG-S", name="South Service", city="Shiraz", region="South")
        self.tech_north = technician_with_login(agent=self.north, username="tn")
        self.tech_south = technician_with_login(agent=self.south, username="ts")
        self.cooling = CategoryFactory(code="ac", name_en="Air conditioners")
        self.kitchen = CategoryFactory(code="food", name_en="Food processors")
        self.ac_model = ProductModelFactory(category=self.cooling, code="AC-9")
        self.fp_model = ProductModelFactory(category=self.kitchen, code="FP-2")
        self.customer = CustomerFactory()

    def unit(
        self, *, model=None, agent=None, sold=dt.date(2026, 1, 10), price=None, currency="IRR"
    ):
        return UnitFactory(
            owner=self.customer,
            product_model=model or self.ac_model,
            service_agent=agent or self.north,
            sale_date=sold,
            sale_price=price,
            sale_currency=currency,
        )

    def claim(
        self,
        *,
        unit,
        failure: dt.date,
        approved=None,
        status="approved",
        agent=None,
        currency="IRR",
    ):
        """A warranty claim on `unit` decided as `status` with `approved` amount."""
        from aftersales.warranty.models import Claim

        self.claims = getattr(self, "claims", 0) + 1
        return Claim.objects.create(
            number=f"WC-T-{self.claims}",
            unit=unit,
            agent=agent or unit.service_agent,
            failure_date=failure,
            status=status,
            approved_total=Decimal(approved or 0),
            currency=currency,
        )

    def request(self, *, unit, agent=None, opened: dt.datetime):
        request = open_request(
            by=self.staff, customer=self.customer, unit=unit, at=opened, agent=agent or self.north
        )
        return services.request_triage(
            request=request, by=self.staff, at=opened + dt.timedelta(hours=1)
        )

    def visit(self, *, request, technician=None, start: dt.datetime, result="fixed", minutes=60):
        visit = services.visit_schedule(
            request=request,
            technician=technician or self.tech_north,
            window_start=start,
            window_end=start + dt.timedelta(hours=2),
            by=self.staff,
        )
        if result is None:
            return visit
        services.visit_check_in(visit=visit, by=self.staff, at=start)
        return services.visit_close(
            visit=visit,
            by=self.staff,
            result=result,
            labour_minutes=minutes,
            at=start + dt.timedelta(minutes=minutes),
        )

    def rate(self, currency="IRR", valid_from=dt.date(2026, 1, 1), rate="0.000001"):
        """An exchange rate to the reporting currency (EUR): by default a million rials make a
        euro from the start of 2026."""
        from aftersales.insights.models import ExchangeRate

        return ExchangeRate.objects.create(
            currency=currency, valid_from=valid_from, rate=Decimal(rate)
        )

    def served(self, *, unit, opened, visit_start, result="fixed", technician=None, agent=None):
        request = self.request(unit=unit, opened=opened, agent=agent)
        visit = self.visit(request=request, technician=technician, start=visit_start, result=result)
        request.refresh_from_db()
        return request, visit


@pytest.fixture
def world(make_user):
    return World(make_user)


MONEY = Decimal
