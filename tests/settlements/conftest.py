"""A settlement world: an Iranian agent, an air-conditioner under a 12-month warranty, parts on
the agent price list, claims decided and parts sold on given days, a grade with a bonus."""

import datetime as dt
from decimal import Decimal

import jdatetime
import pytest
from django.utils import timezone
from stdnum.iso7064 import mod_97_10

from aftersales.agents.models import Grade
from aftersales.agents.services import grade_assign
from aftersales.billing.models import Company
from aftersales.catalog.models import PartPrice
from aftersales.core.choices import Role
from aftersales.parts import services as parts
from aftersales.parts.choices import WarehouseKind
from aftersales.parts.models import CounterSale, Warehouse
from aftersales.settlements import services as settlements
from aftersales.warranty import coverage
from aftersales.warranty import services as warranty
from aftersales.warranty.models import Claim
from tests.factories import (
    AgentFactory,
    CategoryFactory,
    PartFactory,
    ProductModelFactory,
    UnitFactory,
)


def jalali(year: int, month: int, day: int) -> dt.date:
    return jdatetime.date(year, month, day).togregorian()


def at_noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@pytest.fixture(autouse=True)
def _fresh_rule_book():
    coverage.clear_cache()
    yield
    coverage.clear_cache()


@pytest.fixture
def finance(make_user):
    return make_user(Role.FINANCE, username="finance")


@pytest.fixture
def ac_model(db):
    category = CategoryFactory(code="ac", name_en="Air conditioners")
    model = ProductModelFactory(code="AC18", category=category)
    warranty.policy_create(
        by=None, name="AC 12 months", category=category, months=12, exclusions=["misuse"]
    )
    return model


@pytest.fixture
def fan(ac_model):
    """A fan motor: agent price 900,000 rials, 950,000 from 1 October 2026."""
    part = PartFactory(sku="FAN-1", name="Fan motor")
    part.compatible_models.add(ac_model)
    for day, amount in ((dt.date(2025, 1, 1), 900_000), (dt.date(2026, 10, 1), 950_000)):
        PartPrice.objects.create(
            part=part, price_list="agent", currency="IRR", amount=amount, valid_from=day
        )
    return part


@pytest.fixture
def capacitor(db):
    """A capacitor (fits no air conditioner): agent price 120,000 rials."""
    part = PartFactory(sku="CAP-35", name="Capacitor")
    PartPrice.objects.create(
        part=part,
        price_list="agent",
        currency="IRR",
        amount=120_000,
        valid_from=dt.date(2025, 1, 1),
    )
    return part


@pytest.fixture
def make_unit(ac_model, agent):
    def make(**extra):
        data = {"product_model": ac_model, "service_agent": agent, "sale_date": dt.date(2026, 3, 1)}
        data.update(extra)
        return UnitFactory(**data)

    return make


@pytest.fixture
def claim_for(make_unit, agent):
    """A claim submitted and decided by the warranty's own services, decided on `decided`."""

    def make(*, decided: dt.date, failure: dt.date, labour, travel, parts=(), of=None, **extra):
        unit = make_unit(service_agent=of or agent)
        claim = warranty.claim_submit(
            unit=unit,
            by=None,
            agent=of or agent,
            failure_date=failure,
            repair_started=failure,
            repair_finished=failure,
            labour_minutes=60,
            labour_amount=Decimal(labour),
            travel_amount=Decimal(travel),
            parts=[
                {"part": part, "quantity": quantity, "amount": Decimal(amount)}
                for part, quantity, amount in parts
            ],
            **extra,
        )
        Claim.objects.filter(pk=claim.pk).update(decided_at=at_noon(decided))
        claim.refresh_from_db()
        return claim

    return make


@pytest.fixture
def central(make_user):
    store = Warehouse.objects.create(code="CEN", name="Central", kind=WarehouseKind.CENTRAL)
    store._keeper = make_user(Role.WAREHOUSE, username="keeper")
    return store


@pytest.fixture
def sell_to_agent(central, agent):
    """Parts sold over the counter to the agent (agent price list) on `day`."""

    def sell(*, part, quantity: int, day: dt.date, to=None) -> CounterSale:
        parts.stock_receive(
            warehouse=central,
            part=part,
            quantity=quantity,
            document_number=f"DN-{part.sku}-{day}",
            by=central._keeper,
        )
        sale = parts.counter_sale_create(
            warehouse=central, lines=[(part, quantity)], by=central._keeper, agent=to or agent
        )
        CounterSale.objects.filter(pk=sale.pk).update(sold_at=at_noon(day))
        sale.refresh_from_db()
        return sale

    return sell


@pytest.fixture
def grade_a(agent):
    """Grade "T1" with a 2.5 % bonus, the agent's since 1 January 2026."""
    grade = Grade.objects.create(
        code="T1",
        name="Top",
        rank=91,
        min_score=Decimal(90),
        settlement_adjustment_percent=Decimal("2.5"),
    )
    grade_assign(agent=agent, grade=grade, valid_from=dt.date(2026, 1, 1), by=None)
    return grade


MEHR_1405 = (jalali(1405, 7, 1), jalali(1405, 7, 30))  # 2026-09-23 .. 2026-10-22
SHAHRIVAR_1405 = (jalali(1405, 6, 1), jalali(1405, 6, 31))  # 2026-08-23 .. 2026-09-22


@pytest.fixture
def mehr_claim(claim_for, fan):
    """A claim of Mehr 1405: labour 500,000 + travel 200,000 + a fan at 900,000 = 1,600,000."""
    return claim_for(
        decided=dt.date(2026, 9, 29),
        failure=dt.date(2026, 9, 28),
        labour=500_000,
        travel=200_000,
        parts=[(fan, 1, 1_000_000)],
    )


@pytest.fixture
def mehr_draft(agent, finance, mehr_claim):
    """The agent's draft for Mehr 1405: 1,600,000 owed to the agent."""
    from aftersales.settlements import services

    return services.settlement_draft(
        agent=agent, by=finance, period_start=MEHR_1405[0], period_end=MEHR_1405[1]
    )


@pytest.fixture
def mehr_approved(mehr_draft, manager):
    from aftersales.settlements import services

    return services.settlement_approve(settlement=mehr_draft, by=manager)


# --- paying agents by bank transfer ------------------------------------------------------
ROSSI_IBAN = "IT60X0542811101000000123456"


def sheba(account: str) -> str:
    """An Iranian Sheba (IR + check digits + 22 digits) for a made-up account."""
    return f"IR{mod_97_10.calc_check_digits(account + 'IR')}{account}"


@pytest.fixture
def italy(db):
    return Company.objects.create(
        country="IT", name="Aster Italia S.r.l.", currency="EUR", iban="IT83X0542811101000000111111"
    )


@pytest.fixture
def euro_settlement(finance, manager, claim_for):
    def make(agent, labour: str) -> object:
        claim_for(
            decided=dt.date(2026, 10, 14),
            failure=dt.date(2026, 10, 12),
            labour=Decimal(labour),
            travel=Decimal("30.00"),
            of=agent,
            currency="EUR",
        )
        draft = settlements.settlement_draft(agent=agent, by=finance, today=dt.date(2026, 11, 23))
        return settlements.settlement_approve(settlement=draft, by=manager)

    return make


@pytest.fixture
def rossi(db):
    return AgentFactory(
        code="AG-MI", name="Rossi Assistenza", city="Milano", country="IT", iban=ROSSI_IBAN
    )
