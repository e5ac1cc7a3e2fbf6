"""The coverage engine, case by case: one row of the table is one unit, one day, one decision.

Each case builds its own unit (owner country, sale/installation, transfers, registration,
contracts, repairs) and rules (policy, part rule, legal minimum), asks `coverage_for`, and checks
per line the covered per cent, the rule that decided and who pays.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.utils import timezone

from aftersales.units.models import Registration
from aftersales.units.services import unit_transfer
from aftersales.warranty import services
from aftersales.warranty.coverage import Line, coverage_for
from aftersales.warranty.models import Claim
from tests.factories import (
    CategoryFactory,
    CustomerFactory,
    PartFactory,
    ProductModelFactory,
    UnitFactory,
)

from .conftest import jalali

D = dt.date
TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
ROME = zoneinfo.ZoneInfo("Europe/Rome")
SALE = D(2025, 1, 15)  # 12 months: covered to the end of 2026-01-15


@dataclass
class Case:
    id: str
    on: object
    expect: dict  # line -> (per cent, rule, payer)
    country: str = "IT"
    sale: D | None = SALE
    installation: D | None = None
    policy: dict | None = field(default_factory=dict)  # None: no policy at all
    model_policy: dict | None = None
    newer_policy: dict | None = None
    override: dict | None = None
    legal: dict | None = None
    transfer: D | None = None
    registered: D | None = None
    contract: dict | None = None
    repairs: list = field(default_factory=list)
    meter: Decimal | None = None
    causes: tuple = ()
    end: D | None = None  # expected warranty end, when checked
    remaining: Decimal | None = None


def _case_id(case):
    return case.id


M = "maker"
C = "customer"
CASES = [
    # time limit, inclusive last day
    Case("within-time", D(2025, 6, 1), {"labour": (100, "policy", M)}, end=D(2026, 1, 15)),
    Case("last-day", D(2026, 1, 15), {"labour": (100, "policy", M)}),
    Case("day-after-last", D(2026, 1, 16), {"labour": (0, "expired", C)}),
    Case("before-start", D(2025, 1, 10), {"labour": (0, "not_started", C)}),
    Case("no-sale-date", D(2025, 6, 1), {"labour": (0, "no_start", C)}, sale=None),
    # usage limit, whichever comes first
    Case(
        "usage-below",
        D(2025, 6, 1),
        {"labour": (100, "policy", M)},
        policy={"usage_limit": Decimal(5000)},
        meter=Decimal(4999),
        remaining=Decimal(1),
    ),
    Case(
        "usage-at-limit",
        D(2025, 6, 1),
        {"labour": (100, "policy", M)},
        policy={"usage_limit": Decimal(5000)},
        meter=Decimal(5000),
        remaining=Decimal(0),
    ),
    Case(
        "usage-over-in-time",
        D(2025, 6, 1),
        {"labour": (0, "usage_exceeded", C)},
        policy={"usage_limit": Decimal(5000)},
        meter=Decimal(5001),
    ),
    Case(
        "time-over-usage-low",
        D(2026, 2, 1),
        {"labour": (0, "expired", C)},
        policy={"usage_limit": Decimal(5000)},
        meter=Decimal(10),
    ),
    Case(
        "usage-only-policy",
        D(2030, 1, 1),
        {"labour": (100, "policy", M)},
        policy={"months": None, "usage_limit": Decimal(5000)},
        meter=Decimal(100),
    ),
    Case(
        "usage-only-policy-over",
        D(2030, 1, 1),
        {"labour": (0, "usage_exceeded", C)},
        policy={"months": None, "usage_limit": Decimal(5000)},
        meter=Decimal(6000),
    ),
    # per-line per cent
    Case(
        "split-percentages",
        D(2025, 6, 1),
        {"part": (100, "policy", M), "labour": (50, "policy", M), "travel": (0, "policy", C)},
        policy={"labour_pct": Decimal(50), "travel_pct": Decimal(0)},
    ),
    # legal minimum beating a short commercial policy
    Case(
        "legal-beats-short-policy",
        D(2025, 9, 1),
        {"labour": (100, "legal_minimum", M)},
        policy={"months": 6},
        legal={"months": 24},
    ),
    Case(
        "legal-last-day",
        D(2027, 1, 15),
        {"labour": (100, "legal_minimum", M)},
        policy={"months": 6},
        legal={"months": 24},
    ),
    Case(
        "legal-over",
        D(2027, 1, 16),
        {"labour": (0, "expired", C)},
        policy={"months": 6},
        legal={"months": 24},
    ),
    Case(
        "legal-beats-low-labour-pct",
        D(2025, 6, 1),
        {"labour": (100, "legal_minimum", M), "part": (100, "policy", M)},
        policy={"labour_pct": Decimal(50)},
        legal={"months": 24},
    ),
    Case(
        "policy-beats-legal-without-travel",
        D(2025, 6, 1),
        {"travel": (100, "policy", M)},
        legal={"months": 24, "travel_pct": Decimal(0)},
    ),
    Case(
        "legal-of-other-country-ignored",
        D(2025, 9, 1),
        {"labour": (0, "expired", C)},
        policy={"months": 6},
        legal={"months": 24, "country": "IR"},
    ),
    # exclusions
    Case(
        "excluded-misuse",
        D(2025, 6, 1),
        {"labour": (0, "exclusion", C), "part": (0, "exclusion", C)},
        causes=("misuse",),
        legal={"months": 24, "exclusions": ["misuse"]},
    ),
    Case(
        "excluded-by-policy-not-by-law",
        D(2025, 6, 1),
        {"labour": (100, "legal_minimum", M)},
        policy={"exclusions": ["surge"]},
        legal={"months": 24, "exclusions": []},
        causes=("surge",),
    ),
    Case(
        "cause-not-excluded",
        D(2025, 6, 1),
        {"labour": (100, "policy", M)},
        policy={"exclusions": ["misuse"]},
        causes=("wear",),
    ),
    # per-part overrides (a compressor for 60 months)
    Case(
        "compressor-after-base",
        D(2028, 1, 1),
        {"compressor": (100, "part_override", M), "labour": (0, "expired", C)},
        override={"months": 60},
    ),
    Case(
        "compressor-last-day",
        D(2030, 1, 15),
        {"compressor": (100, "part_override", M)},
        override={"months": 60},
    ),
    Case(
        "compressor-over",
        D(2030, 1, 16),
        {"compressor": (0, "expired", C)},
        override={"months": 60},
    ),
    Case(
        "compressor-by-supplier-half",
        D(2028, 1, 1),
        {"compressor": (50, "part_override", "supplier")},
        override={"months": 60, "pct": Decimal(50), "payer": "supplier"},
    ),
    Case(
        "other-part-after-base",
        D(2028, 1, 1),
        {"part": (0, "expired", C)},
        override={"months": 60},
    ),
    # ownership transfer
    Case(
        "non-transferable-after-transfer",
        D(2025, 7, 1),
        {"labour": (0, "expired", C)},
        policy={"transferable": False},
        transfer=D(2025, 6, 1),
        end=D(2025, 5, 31),
    ),
    Case(
        "non-transferable-before-transfer",
        D(2025, 5, 20),
        {"labour": (100, "policy", M)},
        policy={"transferable": False},
        transfer=D(2025, 6, 1),
    ),
    Case(
        "transferable-after-transfer",
        D(2025, 7, 1),
        {"labour": (100, "policy", M)},
        transfer=D(2025, 6, 1),
    ),
    Case(
        "legal-survives-transfer",
        D(2025, 7, 1),
        {"labour": (100, "legal_minimum", M)},
        policy={"transferable": False},
        legal={"months": 24},
        transfer=D(2025, 6, 1),
    ),
    Case(
        "legal-not-surviving-transfer",
        D(2025, 7, 1),
        {"labour": (0, "expired", C)},
        policy={"transferable": False},
        legal={"months": 24, "survives_transfer": False},
        transfer=D(2025, 6, 1),
    ),
    # extended contracts after the base warranty
    Case(
        "contract-after-base",
        D(2026, 6, 1),
        {"labour": (100, "contract", M), "part": (100, "contract", M)},
        contract={"starts": D(2026, 1, 16), "ends": D(2027, 1, 15)},
    ),
    Case(
        "contract-without-labour",
        D(2026, 6, 1),
        {"part": (100, "contract", M), "labour": (0, "expired", C)},
        contract={"starts": D(2026, 1, 16), "ends": D(2027, 1, 15), "labour_pct": Decimal(0)},
    ),
    Case(
        "contract-paid-by-agent",
        D(2026, 6, 1),
        {"labour": (100, "contract", "agent")},
        contract={"starts": D(2026, 1, 16), "ends": D(2027, 1, 15), "payer": "agent"},
    ),
    Case(
        "contract-cancelled",
        D(2026, 6, 1),
        {"labour": (0, "expired", C)},
        contract={"starts": D(2026, 1, 16), "ends": D(2027, 1, 15), "cancelled": True},
    ),
    Case(
        "contract-usage-over",
        D(2026, 6, 1),
        {"labour": (0, "expired", C)},
        contract={"starts": D(2026, 1, 16), "ends": D(2027, 1, 15), "usage_limit": Decimal(100)},
        meter=Decimal(500),
    ),
    Case(
        "contract-ended",
        D(2027, 1, 16),
        {"labour": (0, "expired", C)},
        contract={"starts": D(2026, 1, 16), "ends": D(2027, 1, 15)},
    ),
    # registration and start events
    Case(
        "not-registered-in-time",
        D(2025, 6, 1),
        {"labour": (0, "not_registered", C)},
        policy={"registration_days": 30},
    ),
    Case(
        "not-registered-legal-still-covers",
        D(2025, 6, 1),
        {"labour": (100, "legal_minimum", M)},
        policy={"registration_days": 30},
        legal={"months": 24},
    ),
    Case(
        "registered-in-time",
        D(2025, 6, 1),
        {"labour": (100, "policy", M)},
        policy={"registration_days": 30},
        registered=D(2025, 2, 1),
    ),
    Case(
        "starts-at-installation",
        D(2026, 2, 20),
        {"labour": (100, "policy", M)},
        policy={"start_event": "install"},
        installation=D(2025, 3, 1),
        end=D(2026, 3, 1),
    ),
    Case(
        "starts-at-registration-missing",
        D(2025, 6, 1),
        {"labour": (0, "no_start", C)},
        policy={"start_event": "register"},
    ),
    Case(
        "starts-at-registration",
        D(2026, 3, 1),
        {"labour": (100, "policy", M)},
        policy={"start_event": "register"},
        registered=D(2025, 3, 10),
    ),
    # which policy: model over category, newest valid_from
    Case(
        "model-policy-beats-category",
        D(2026, 6, 1),
        {"labour": (100, "policy", M)},
        model_policy={"months": 24},
        end=D(2027, 1, 15),
    ),
    Case(
        "newer-policy-for-later-sales",
        D(2026, 6, 1),
        {"labour": (100, "policy", M)},
        newer_policy={"months": 36, "valid_from": D(2025, 1, 1)},
    ),
    Case(
        "no-policy-no-law",
        D(2025, 6, 1),
        {"labour": (0, "no_policy", C)},
        policy=None,
    ),
    # Jalali months and the leap day 1403/12/30
    Case(
        "jalali-1-month-to-leap-day",
        jalali(1403, 12, 30),
        {"labour": (100, "policy", M)},
        country="IR",
        sale=jalali(1403, 11, 30),
        policy={"months": 1},
        end=jalali(1403, 12, 30),
    ),
    Case(
        "jalali-day-after-leap-day",
        jalali(1404, 1, 1),
        {"labour": (0, "expired", C)},
        country="IR",
        sale=jalali(1403, 11, 30),
        policy={"months": 1},
    ),
    Case(
        "jalali-non-leap-clamps",
        jalali(1402, 12, 29),
        {"labour": (100, "policy", M)},
        country="IR",
        sale=jalali(1402, 11, 30),
        policy={"months": 1},
        end=jalali(1402, 12, 29),
    ),
    Case(
        "jalali-from-leap-day-a-year",
        jalali(1404, 12, 29),
        {"labour": (100, "policy", M)},
        country="IR",
        sale=jalali(1403, 12, 30),
        end=jalali(1404, 12, 29),
    ),
    Case(
        "jalali-from-leap-day-a-year-over",
        jalali(1405, 1, 1),
        {"labour": (0, "expired", C)},
        country="IR",
        sale=jalali(1403, 12, 30),
    ),
    Case(
        "jalali-29-esfand-does-not-reach-leap-day",
        jalali(1403, 12, 30),
        {"labour": (0, "expired", C)},
        country="IR",
        sale=jalali(1402, 12, 29),
        end=jalali(1403, 12, 29),
    ),
    Case(
        "jalali-six-months-to-leap-day",
        jalali(1403, 12, 30),
        {"labour": (100, "policy", M)},
        country="IR",
        sale=jalali(1403, 6, 30),
        policy={"months": 6},
        end=jalali(1403, 12, 30),
    ),
    # time zones: the last day is covered to its end in the owner's local time
    Case(
        "tehran-23-30-last-day",
        dt.datetime(2025, 3, 20, 23, 30, tzinfo=TEHRAN),
        {"labour": (100, "policy", M)},
        country="IR",
        sale=jalali(1403, 11, 30),
        policy={"months": 1},
    ),
    Case(
        "tehran-23-30-last-day-given-in-utc",
        dt.datetime(2025, 3, 20, 20, 0, tzinfo=dt.UTC),
        {"labour": (100, "policy", M)},
        country="IR",
        sale=jalali(1403, 11, 30),
        policy={"months": 1},
    ),
    Case(
        "tehran-00-30-next-day-still-20th-in-utc",
        dt.datetime(2025, 3, 20, 21, 0, tzinfo=dt.UTC),
        {"labour": (0, "expired", C)},
        country="IR",
        sale=jalali(1403, 11, 30),
        policy={"months": 1},
    ),
    Case(
        "rome-23-30-last-day",
        dt.datetime(2026, 1, 15, 23, 30, tzinfo=ROME),
        {"labour": (100, "policy", M)},
    ),
    Case(
        "rome-00-30-next-day",
        dt.datetime(2026, 1, 16, 0, 30, tzinfo=ROME),
        {"labour": (0, "expired", C)},
    ),
    Case(
        "naive-datetime-is-local",
        dt.datetime(2026, 1, 15, 23, 59),
        {"labour": (100, "policy", M)},
    ),
    Case(
        "extension-ends-a-week-later",
        D(2026, 1, 23),
        {"labour": (0, "expired", C)},
        policy={"guarantee_working_days": 5},
        repairs=[(D(2025, 6, 2), D(2025, 6, 13))],
    ),
    Case(
        "short-repair-no-extension",
        D(2026, 1, 16),
        {"labour": (0, "expired", C)},
        policy={"guarantee_working_days": 5},
        repairs=[(D(2025, 6, 2), D(2025, 6, 6))],
    ),
    # after everything: the commitment period
    Case(
        "commitment-period",
        D(2029, 1, 1),
        {"part": (0, "commitment", C)},
        country="IR",
        legal={"months": 24, "country": "IR", "commitment_years": 10},
    ),
    # guarantee: warranty extended by repair days beyond N working days
    Case(
        "extended-by-long-repair",
        D(2026, 1, 22),
        {"labour": (100, "policy", M)},
        policy={"guarantee_working_days": 5},
        # Monday to Friday of the next week: 12 days, the first 5 working days (5 calendar days)
        # are allowed, so the warranty runs 7 days longer
        repairs=[(D(2025, 6, 2), D(2025, 6, 13))],
        end=D(2026, 1, 22),
    ),
]


def _build(case: Case, db_ready):
    category = CategoryFactory(code=f"c-{case.id}"[:40])
    product_model = ProductModelFactory(category=category, usage_meter="hours")
    owner = CustomerFactory(country=case.country)
    unit = UnitFactory(
        product_model=product_model,
        owner=owner,
        sale_date=case.sale,
        installation_date=case.installation,
    )
    compressor = PartFactory(name="Compressor")
    other_part = PartFactory(name="Fan")
    if case.policy is not None:
        spec = {"months": 12, "exclusions": ["misuse"], **case.policy}
        working_days = spec.pop("guarantee_working_days", None)
        policy = services.policy_create(by=None, name="Base", category=category, **spec)
        if working_days:
            services.guarantee_set(
                policy=policy, kind="extend_repair", working_days=working_days, by=None
            )
        if case.override:
            services.part_coverage_set(policy=policy, part=compressor, by=None, **case.override)
    if case.model_policy:
        services.policy_create(
            by=None, name="Model", product_model=product_model, **case.model_policy
        )
    if case.newer_policy:
        services.policy_create(by=None, name="Newer", category=category, **case.newer_policy)
    if case.legal:
        spec = dict(case.legal)
        services.legal_minimum_set(
            by=None,
            country=spec.pop("country", case.country),
            category=category,
            **{"exclusions": ["misuse", "accident"], **spec},
        )
    if case.transfer:
        unit_transfer(
            unit=unit, to=CustomerFactory(country=case.country), by=None, on=case.transfer
        )
    if case.registered:
        registration = Registration.objects.create(
            number=f"REG-{unit.pk}",
            customer=owner,
            product_model=product_model,
            serial=unit.serial,
            purchase_date=case.sale,
            proof="registrations/x.pdf",
            status="confirmed",
            unit=unit,
        )
        at = timezone.make_aware(dt.datetime.combine(case.registered, dt.time(12)))
        Registration.objects.filter(pk=registration.pk).update(created_at=at)
    if case.contract:
        spec = dict(case.contract)
        cancelled = spec.pop("cancelled", False)
        contract = services.contract_create(unit=unit, by=None, **spec)
        if cancelled:
            services.contract_cancel(contract=contract, by=None)
    for number, (started, finished) in enumerate(case.repairs):
        Claim.objects.create(
            number=f"R-{unit.pk}-{number}",
            unit=unit,
            failure_date=started,
            repair_started=started,
            repair_finished=finished,
            status="approved",
        )
    unit.refresh_from_db()
    return unit, {"part": other_part.pk, "compressor": compressor.pk}


def _lines(expect: dict, parts: dict):
    lines = []
    for name in expect:
        if name in ("labour", "travel"):
            lines.append(Line(name))
        else:
            lines.append(Line.part(parts[name]))
    return lines


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_coverage_case(case, db):
    unit, parts = _build(case, db)
    decision = coverage_for(
        unit=unit,
        on=case.on,
        meter=case.meter,
        lines=_lines(case.expect, parts),
        causes=case.causes,
    )
    for (name, (pct, rule, payer)), line in zip(case.expect.items(), decision.lines, strict=True):
        got = (int(line.covered_pct), line.rule, str(line.payer))
        assert got == (pct, rule, payer), f"{name}: {line.reason}"
        assert line.reason, name
    if case.end is not None:
        assert decision.warranty_end == case.end
    if case.remaining is not None:
        assert decision.remaining_usage == case.remaining
