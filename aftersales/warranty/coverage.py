"""The coverage engine: who pays what for a unit's failure on a given day, and why.

    decision = coverage_for(unit=unit, on=failure_at, meter=Decimal("1200"),
                            lines=[Line.part(part.pk), Line.labour(), Line.travel()])

Deterministic and explainable: each line gets the covered per cent, the payer, the rule that
decided it (a stable code and the record behind it) and a sentence in the active language.

The sources, for each line the best one for the customer wins:
1. the commercial policy of the unit's model (or else of its category): a per-part override if
   the line's part has one, else the policy itself; time and usage limits, whichever comes first;
   ended by a transfer of ownership when it is not transferable, voided for a late registration
   or an excluded cause, extended by the days repairs took beyond the guarantee's working days;
2. the legal minimum of the owner's country for the category (or for every category);
3. the unit's extended contracts and service contracts valid on that day.
Nothing covering: the customer pays, and during the legal commitment period the reason says that
parts are still available.

Days: months are added in the owner's calendar (Jalali for Iran, Gregorian otherwise), the same
day number N months later is the last covered day (clamped to the month's last day; as in EU
Regulation 1182/71 art. 3(2)(c)), and that day is covered to its end in the owner's time zone.
Rules are read once and cached in the process (invalidated whenever one is saved).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

import jdatetime
from django.conf import settings
from django.db import connections, router
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from aftersales.core.calendars import country_time_zone, show_date
from aftersales.core.choices import Country

from .choices import ContractKind, Exclusion, GuaranteeKind, LineKind, Payer, StartEvent
from .models import (
    Claim,
    ExtendedContract,
    GuaranteeRule,
    LegalMinimum,
    PartCoverage,
    WarrantyPolicy,
)

HUNDRED = Decimal(100)
ZERO = Decimal(0)
WEEKEND = {"IR": {4}, "IT": {5, 6}}  # Monday = 0: Friday off in Iran, Saturday-Sunday in Italy


class Reason:
    """A sentence of the decision, put into the active language only when shown."""

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, params: dict | None = None):
        self.msgid = msgid
        self.params = params or {}

    def __str__(self) -> str:
        shown = {key: _shown(value) for key, value in self.params.items()}
        return gettext(self.msgid) % shown if shown else gettext(self.msgid)

    def __repr__(self) -> str:
        return f"Reason({self.msgid!r})"


def _shown(value):
    if isinstance(value, dt.date):
        return show_date(value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


class _Lower:
    """A label shown in lower case inside a sentence, in the language of the moment."""

    __slots__ = ("label",)

    def __init__(self, label):
        self.label = label

    def __str__(self) -> str:
        return str(self.label).lower()


# --- input and output ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A line of a job to be paid: a part (with its id), labour, or travel."""

    kind: str
    part_id: int | None = None

    @classmethod
    def part(cls, part_id: int) -> Line:
        return cls(LineKind.PART, part_id)

    @classmethod
    def labour(cls) -> Line:
        return cls(LineKind.LABOUR)

    @classmethod
    def travel(cls) -> Line:
        return cls(LineKind.TRAVEL)


DEFAULT_LINES = (Line.labour(), Line.travel())


@dataclass
class LineDecision:
    kind: str
    part_id: int | None
    covered_pct: Decimal
    payer: str
    rule: str  # policy, part_override, legal_minimum, contract, exclusion, expired, ...
    source: str  # the record that decided, e.g. "policy:3", "legal:4", "contract:EW-2026-000001"
    explanation: Reason
    covered_until: dt.date | None = None

    @property
    def reason(self) -> str:
        """The explanation in the active language."""
        return str(self.explanation)


@dataclass
class Decision:
    unit_id: int
    day: dt.date  # the day of the failure in the owner's time zone
    time_zone: str
    lines: list[LineDecision]
    warranty_start: dt.date | None
    warranty_end: dt.date | None  # last covered day of the base (commercial or legal) warranty
    usage_limit: Decimal | None
    remaining_usage: Decimal | None
    policy_id: int | None
    legal_end: dt.date | None
    presumption_end: dt.date | None
    commitment_end: dt.date | None
    contract_end: dt.date | None
    extension_days: int
    notes: list[Reason] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return any(line.covered_pct > 0 for line in self.lines)

    @property
    def covered_until(self) -> dt.date | None:
        """The last day on which some line stays covered (None: not covered, or no end date)."""
        ends = [line.covered_until for line in self.lines if line.covered_pct > 0]
        return max(ends) if ends and None not in ends else None

    def line(self, kind: str, part_id: int | None = None) -> LineDecision:
        for line in self.lines:
            if line.kind == kind and line.part_id == part_id:
                return line
        raise KeyError((kind, part_id))


# --- calendars ----------------------------------------------------------------------------------


def owner_country(unit) -> str | None:
    owner = unit.owner
    if owner is not None:
        return owner.country
    return None


def owner_time_zone(country: str | None) -> str:
    return country_time_zone(country)


def local_day(on: dt.date | dt.datetime, tz_name: str) -> dt.date:
    """The owner's calendar day of `on`; a naive datetime is read as the owner's local time."""
    if isinstance(on, dt.datetime):
        if timezone.is_naive(on):
            return on.date()
        return on.astimezone(zoneinfo.ZoneInfo(tz_name)).date()
    return on


def add_months(start: dt.date, months: int, *, jalali: bool) -> dt.date:
    """The same day number `months` later (the month's last day when it has no such day)."""
    if jalali:
        j = jdatetime.date.fromgregorian(date=start)
        index = j.year * 12 + (j.month - 1) + months
        year, month = divmod(index, 12)
        month += 1
        last = 31 if month <= 6 else 30 if month <= 11 else (30 if _jalali_leap(year) else 29)
        return jdatetime.date(year, month, min(j.day, last)).togregorian()
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    next_first = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = (next_first - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last))


def _jalali_leap(year: int) -> bool:
    return jdatetime.date(year, 1, 1).isleap()


def working_days(start: dt.date, end: dt.date, country: str | None) -> int:
    """Working days from `start` to `end` inclusive (weekends of the country left out)."""
    weekend = WEEKEND.get(country or "", {5, 6})
    days, day = 0, start
    while day <= end:
        if day.weekday() not in weekend:
            days += 1
        day += dt.timedelta(days=1)
    return days


# --- the rule book, cached ----------------------------------------------------------------------


class RuleBook:
    """Every active policy, override, guarantee and legal minimum, read in four queries."""

    def __init__(self):
        self.loaded_at = time.monotonic()
        self.by_model: dict[int, list[WarrantyPolicy]] = {}
        self.by_category: dict[int, list[WarrantyPolicy]] = {}
        policies = list(
            WarrantyPolicy.objects.filter(is_active=True).order_by(
                F("valid_from").desc(nulls_last=True), "pk"
            )
        )
        overrides: dict[int, dict[int, PartCoverage]] = {}
        for override in PartCoverage.objects.all():
            overrides.setdefault(override.warranty_policy_id, {})[override.part_id] = override
        guarantees: dict[int, dict[str, GuaranteeRule]] = {}
        for rule in GuaranteeRule.objects.all():
            guarantees.setdefault(rule.warranty_policy_id, {})[rule.kind] = rule
        for policy in policies:
            policy.override_map = overrides.get(policy.pk, {})
            policy.guarantee_map = guarantees.get(policy.pk, {})
            if policy.product_model_id:
                self.by_model.setdefault(policy.product_model_id, []).append(policy)
            else:
                self.by_category.setdefault(policy.category_id, []).append(policy)
        self.legal = {(m.country, m.category_id): m for m in LegalMinimum.objects.all()}

    def policy_for(self, product_model, start: dt.date | None) -> WarrantyPolicy | None:
        for candidates in (
            self.by_model.get(product_model.pk, ()),
            self.by_category.get(product_model.category_id, ()),
        ):
            for policy in candidates:  # newest valid_from first; undated last
                if policy.valid_from is None or start is None or policy.valid_from <= start:
                    return policy
        return None

    def needs(self, product_model, start, country) -> dict[str, bool]:
        """Which facts of a unit the rules for it can use (the others are not read)."""
        policy = self.policy_for(product_model, start)
        legal = self.legal_for(country, product_model.category_id)
        if policy is None:
            return {
                "registrations": False,
                "transfers": bool(legal and not legal.survives_transfer),
                "repairs": False,
            }
        return {
            "registrations": policy.start_event == StartEvent.REGISTRATION
            or policy.registration_days is not None,
            "transfers": not policy.transferable or bool(legal and not legal.survives_transfer),
            "repairs": GuaranteeKind.EXTEND_REPAIR in policy.guarantee_map,
        }

    def legal_for(self, country: str | None, category_id: int) -> LegalMinimum | None:
        return self.legal.get((country, category_id)) or self.legal.get((country, None))


_book: RuleBook | None = None
_lock = threading.Lock()


def rule_book() -> RuleBook:
    """The cached rules. A save in this process clears them at once; other processes (other
    web workers) read them again after `WARRANTY_RULES_TTL` seconds (30 by default)."""
    global _book
    book = _book
    ttl = getattr(settings, "WARRANTY_RULES_TTL", 30)
    if book is None or time.monotonic() - book.loaded_at > ttl:
        with _lock:
            book = _book = RuleBook()
    return book


def clear_cache(**kwargs) -> None:
    global _book
    _book = None


for _model in (WarrantyPolicy, PartCoverage, GuaranteeRule, LegalMinimum):
    post_save.connect(clear_cache, sender=_model, dispatch_uid=f"warranty-book-{_model.__name__}")
    post_delete.connect(
        clear_cache, sender=_model, dispatch_uid=f"warranty-book-del-{_model.__name__}"
    )


# --- facts about one unit -----------------------------------------------------------------------


@dataclass
class UnitFacts:
    registered_on: dt.date | None
    first_transfer: dt.date | None  # the first change to a new owner (not the first owner)
    contracts: list[ExtendedContract]  # not cancelled, any dates
    repairs: list[tuple[dt.date, dt.date]]  # (started, finished) of decided claims
    meter: Decimal | None


def facts_for(
    units, *, registrations: bool = True, transfers: bool = True, repairs: bool = True
) -> dict[int, UnitFacts]:
    """The facts of many units in one query (a UNION of what the rules in force can use), and
    one more for the units that have contracts; a claim batch is decided with one call."""
    ids = [unit.pk for unit in units]
    facts = {pk: UnitFacts(None, None, [], [], None) for pk in ids}
    if not ids:
        return facts
    connection = connections[router.db_for_read(Claim)]
    rows = _fact_rows(connection, ids, registrations, transfers, repairs)
    with_contracts = set()
    for kind, unit_id, moment, first, last in rows:
        known = facts[unit_id]
        if kind == "r":
            day = timezone.localdate(_as_datetime(moment))
            if known.registered_on is None or day < known.registered_on:
                known.registered_on = day
        elif kind == "t":
            day = _as_date(first)
            if known.first_transfer is None or day < known.first_transfer:
                known.first_transfer = day
        elif kind == "p":
            known.repairs.append((_as_date(first), _as_date(last)))
        else:
            with_contracts.add(unit_id)
    if with_contracts:
        for contract in ExtendedContract.objects.filter(
            unit_id__in=with_contracts, cancelled_at__isnull=True
        ).order_by("-ends", "pk"):
            facts[contract.unit_id].contracts.append(contract)
    return facts


def _fact_rows(connection, ids, registrations, transfers, repairs):
    from aftersales.units.choices import RegistrationStatus
    from aftersales.units.models import OwnershipChange, Registration

    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    parts, params = [], []

    def branch(kind, model, columns, where, extra=()):
        table = quote(model._meta.db_table)
        parts.append(
            f"SELECT '{kind}', {quote('unit_id')}, {columns} FROM {table} "
            f"WHERE {quote('unit_id')} IN ({marks}) AND {where}"
        )
        params.extend([*ids, *extra])

    # the contract branch comes first: its NULLs take their types from the later branches
    branch("c", ExtendedContract, "NULL, NULL, NULL", f"{quote('cancelled_at')} IS NULL")
    if registrations:
        branch(
            "r",
            Registration,
            f"{quote('created_at')}, NULL, NULL",
            f"{quote('status')} = %s",
            [RegistrationStatus.CONFIRMED],
        )
    if transfers:
        branch(
            "t",
            OwnershipChange,
            f"NULL, {quote('date')}, NULL",
            f"{quote('previous_owner_id')} IS NOT NULL",
        )
    if repairs:
        branch(
            "p",
            Claim,
            f"NULL, {quote('repair_started')}, {quote('repair_finished')}",
            f"{quote('status')} IN (%s, %s) AND {quote('repair_started')} IS NOT NULL "
            f"AND {quote('repair_finished')} IS NOT NULL",
            ["approved", "partly"],
        )
    if connection.vendor == "postgresql" and len(parts) > 1:
        # PostgreSQL types a NULL-only column by its first branch: give the types once
        parts[0] = parts[0].replace(
            "NULL, NULL, NULL",
            "CAST(NULL AS timestamptz), CAST(NULL AS date), CAST(NULL AS date)",
        )
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _as_date(value) -> dt.date:
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _as_datetime(value) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value


def unit_facts(unit, *, day: dt.date, meter: bool = True, **needs) -> UnitFacts:
    """The facts of one unit, with its meter reading at the end of `day` when it has a meter."""
    facts = facts_for([unit], **needs)[unit.pk]
    if meter and unit.product_model.usage_meter != "none":
        end_of_day = timezone.make_aware(
            dt.datetime.combine(day, dt.time.max),
            zoneinfo.ZoneInfo(owner_time_zone(owner_country(unit))),
        )
        facts.meter = (
            unit.meter_readings.filter(read_at__lte=end_of_day)
            .order_by("-read_at", "-pk")
            .values_list("value", flat=True)
            .first()
        )
    return facts


# --- the decision -------------------------------------------------------------------------------


@dataclass
class _Source:
    """One source of cover for one line, before the best is chosen."""

    pct: Decimal
    payer: str
    rule: str
    source: str
    reason: Reason | None
    until: dt.date | None
    rank: int  # breaks ties deterministically: lower wins


def _start(policy: WarrantyPolicy, unit, facts: UnitFacts) -> dt.date | None:
    if policy.start_event == StartEvent.INSTALLATION:
        return unit.installation_date or unit.sale_date
    if policy.start_event == StartEvent.REGISTRATION:
        return facts.registered_on
    return unit.sale_date


def coverage_for(
    *,
    unit,
    on: dt.date | dt.datetime,
    meter: Decimal | None = None,
    lines=None,
    causes=(),
    facts: UnitFacts | None = None,
) -> Decision:
    """Decide, line by line, what is covered for a failure of `unit` on `on` (see the module)."""
    lines = [_as_line(line) for line in (lines if lines is not None else DEFAULT_LINES)]
    causes = set(causes or ())
    country = owner_country(unit)
    tz_name = owner_time_zone(country)
    day = local_day(on, tz_name)
    jalali = country == "IR"
    book = rule_book()
    product_model = unit.product_model
    if facts is None:
        facts = unit_facts(
            unit, day=day, meter=meter is None, **book.needs(product_model, unit.sale_date, country)
        )
    if meter is None:
        meter = facts.meter
    notes: list[Reason] = []

    # 1. the commercial policy
    policy = book.policy_for(product_model, unit.sale_date)
    start = end = None
    usage_limit = remaining = None
    extension = 0
    transfer_end = None
    policy_block: _Source | None = None  # why the policy gives nothing, when it does not
    if policy is None:
        policy_block = _blocked(
            "no_policy", "", Reason(gettext_noop("No warranty policy applies to this model."))
        )
    else:
        start = _start(policy, unit, facts)
        usage_limit = policy.usage_limit
        if usage_limit is not None and meter is not None:
            remaining = max(usage_limit - meter, ZERO)
        if start is None:
            policy_block = _blocked(
                "no_start",
                f"policy:{policy.pk}",
                Reason(
                    gettext_noop("The warranty has not started: the %(event)s is not recorded."),
                    {"event": _Lower(StartEvent(policy.start_event).label)},
                ),
            )
        else:
            if policy.months is not None:
                extension = _extension_days(policy, facts, country)
                end = add_months(start, policy.months, jalali=jalali) + dt.timedelta(days=extension)
                if extension:
                    notes.append(
                        Reason(
                            gettext_noop("Warranty extended by %(days)s days for long repairs."),
                            {"days": extension},
                        )
                    )
            if not policy.transferable and facts.first_transfer and facts.first_transfer > start:
                ended = transfer_end = facts.first_transfer - dt.timedelta(days=1)
                if end is None or ended < end:
                    end = ended
                    notes.append(
                        Reason(
                            gettext_noop(
                                "The policy is not transferable: it ended when the unit "
                                "changed hands."
                            )
                        )
                    )
            policy_block = _policy_block(policy, unit, facts, start, end, day, meter, causes)

    # 2. the legal minimum
    legal = book.legal_for(country, product_model.category_id)
    legal_end = presumption_end = commitment_end = None
    legal_start = unit.sale_date
    if legal is not None and legal_start is not None:
        legal_end = add_months(legal_start, legal.months, jalali=jalali)
        if legal.presumption_months:
            presumption_end = add_months(legal_start, legal.presumption_months, jalali=jalali)
        if legal.commitment_years:
            commitment_end = add_months(legal_end, legal.commitment_years * 12, jalali=jalali)

    # 3. contracts
    contracts = [c for c in facts.contracts if c.starts <= day <= c.ends]
    contract_end = max((c.ends for c in contracts), default=None)

    decided = []
    for line in lines:
        candidates: list[_Source] = []
        if policy is not None and policy_block is None:
            candidates.append(_from_policy(policy, line, end))
        if (
            policy is not None
            and start is not None
            and line.part_id in policy.override_map
            and (policy_block is None or policy_block.rule in ("expired", "usage_exceeded"))
        ):
            override = _from_override(policy, line, start, transfer_end, day, meter, jalali)
            if override is not None:
                candidates.append(override)
        if legal is not None and legal_end is not None:
            candidates.append(_from_legal(legal, line, legal_end, day, causes, facts, country))
        for contract in contracts:
            candidates.append(_from_contract(contract, line, meter, causes))
        best = _best(candidates)
        if best is None:
            best = _nothing(policy_block, candidates, commitment_end, day)
        decided.append(
            LineDecision(
                kind=line.kind,
                part_id=line.part_id,
                covered_pct=best.pct,
                payer=best.payer if best.pct > 0 else Payer.CUSTOMER,
                rule=best.rule,
                source=best.source,
                explanation=best.reason,
                covered_until=best.until,
            )
        )

    if presumption_end and day <= presumption_end:
        notes.append(
            Reason(
                gettext_noop("Until %(date)s a defect is presumed to have existed at delivery."),
                {"date": presumption_end},
            )
        )
    notes.extend(_guarantee_notes(policy, start, day, jalali))
    return Decision(
        unit_id=unit.pk,
        day=day,
        time_zone=tz_name,
        lines=decided,
        warranty_start=start,
        warranty_end=end,
        usage_limit=usage_limit,
        remaining_usage=remaining,
        policy_id=policy.pk if policy else None,
        legal_end=legal_end,
        presumption_end=presumption_end,
        commitment_end=commitment_end,
        contract_end=contract_end,
        extension_days=extension,
        notes=notes,
    )


def _as_line(line) -> Line:
    if isinstance(line, Line):
        return line
    if isinstance(line, dict):
        return Line(line["kind"], line.get("part_id") or line.get("part"))
    kind, *rest = line
    return Line(kind, rest[0] if rest else None)


def _blocked(rule: str, source: str, reason: Reason | None) -> _Source:
    return _Source(ZERO, Payer.CUSTOMER, rule, source, reason, None, 99)


def _policy_block(policy, unit, facts, start, end, day, meter, causes) -> _Source | None:
    """Why the commercial policy as a whole gives nothing on `day`; None when it may cover."""
    source = f"policy:{policy.pk}"
    excluded = sorted(causes & set(policy.exclusions or []))
    if excluded:
        return _blocked(
            "exclusion",
            source,
            Reason(
                gettext_noop("Not covered: the warranty excludes %(cause)s."),
                {"cause": _Lower(Exclusion(excluded[0]).label)},
            ),
        )
    if policy.registration_days is not None and unit.sale_date is not None:
        deadline = unit.sale_date + dt.timedelta(days=policy.registration_days)
        if facts.registered_on is None or facts.registered_on > deadline:
            return _blocked(
                "not_registered",
                source,
                Reason(
                    gettext_noop("Not covered: the unit was not registered by %(date)s."),
                    {"date": deadline},
                ),
            )
    if day < start:
        return _blocked(
            "not_started",
            source,
            Reason(gettext_noop("The warranty starts on %(date)s."), {"date": start}),
        )
    if end is not None and day > end:
        return _blocked(
            "expired",
            source,
            Reason(
                gettext_noop("The warranty “%(policy)s” ended on %(date)s."),
                {"policy": policy.name, "date": end},
            ),
        )
    if policy.usage_limit is not None and meter is not None and meter > policy.usage_limit:
        return _blocked(
            "usage_exceeded",
            source,
            Reason(
                gettext_noop(
                    "The warranty “%(policy)s” ended at %(limit)s on the meter (now %(meter)s)."
                ),
                {"policy": policy.name, "limit": policy.usage_limit, "meter": meter},
            ),
        )
    return None


def _from_override(policy, line: Line, start, transfer_end, day, meter, jalali):
    override = policy.override_map[line.part_id]
    until = add_months(start, override.months, jalali=jalali)
    if transfer_end is not None and transfer_end < until:
        until = transfer_end
    if day > until or (
        override.usage_limit is not None and meter is not None and meter > override.usage_limit
    ):
        return None
    return _Source(
        override.pct,
        override.payer,
        "part_override",
        f"part_coverage:{override.pk}",
        Reason(
            gettext_noop(
                "This part is covered %(pct)s%% until %(date)s (part rule of “%(policy)s”)."
            ),
            {"pct": (override.pct), "date": until, "policy": policy.name},
        ),
        until,
        0,
    )


def _from_policy(policy, line: Line, end) -> _Source:
    source = f"policy:{policy.pk}"
    pct = policy.pct(line.kind)
    if not pct:
        return _Source(ZERO, Payer.CUSTOMER, "policy", source, _zero(line, policy.name), None, 1)
    return _Source(
        pct,
        Payer.MANUFACTURER,
        "policy",
        source,
        Reason(
            gettext_noop("Covered %(pct)s%% by the warranty “%(policy)s” until %(date)s."),
            {"pct": (pct), "policy": policy.name, "date": end or "—"},
        ),
        end,
        1,
    )


# Causes for which no legal guarantee of conformity answers (the good was not defective).
LEGAL_EXCLUSIONS_DEFAULT = {
    Exclusion.MISUSE,
    Exclusion.ACCIDENT,
    Exclusion.NATURAL_DISASTER,
    Exclusion.UNAUTHORIZED_REPAIR,
    Exclusion.POWER_SURGE,
}


def _from_legal(legal, line, legal_end, day, causes, facts, country) -> _Source:
    source = f"legal:{legal.pk}"
    excluded = sorted(causes & set(legal.exclusions or []))
    if day > legal_end or excluded:
        return _blocked("legal_expired", source, None)
    if not legal.survives_transfer and facts.first_transfer and facts.first_transfer <= day:
        return _blocked("legal_expired", source, None)
    pct = legal.pct(line.kind)
    if not pct:
        return _blocked("legal_minimum", source, None)
    return _Source(
        pct,
        Payer.MANUFACTURER,
        "legal_minimum",
        source,
        Reason(
            gettext_noop("Covered %(pct)s%% by the legal minimum of %(country)s until %(date)s."),
            {
                "pct": (pct),
                "country": Country(legal.country).label,
                "date": legal_end,
            },
        ),
        legal_end,
        2,
    )


def _from_contract(contract, line, meter, causes) -> _Source:
    source = f"contract:{contract.number}"
    excluded = sorted(causes & set(contract.exclusions or []))
    if excluded or (
        contract.usage_limit is not None and meter is not None and meter > contract.usage_limit
    ):
        return _blocked("contract_excluded", source, None)
    pct = contract.pct(line.kind)
    if not pct:
        return _Source(
            ZERO, Payer.CUSTOMER, "contract", source, _zero(line, contract.number), None, 3
        )
    return _Source(
        pct,
        contract.payer,
        "contract",
        source,
        Reason(
            gettext_noop("Covered %(pct)s%% by %(kind)s %(number)s until %(date)s."),
            {
                "pct": (pct),
                "kind": _Lower(ContractKind(contract.kind).label),
                "number": contract.number,
                "date": contract.ends,
            },
        ),
        contract.ends,
        3,
    )


def _zero(line: Line, name: str) -> str:
    return Reason(
        gettext_noop("“%(name)s” does not pay for %(line)s: the customer pays."),
        {
            "name": name,
            "line": _Lower(LineKind(line.kind).label),
        },
    )


def _best(candidates: list[_Source]) -> _Source | None:
    useful = [c for c in candidates if c.pct > 0]
    if not useful:
        return None
    return min(useful, key=lambda c: (-c.pct, c.rank, c.source))


def _nothing(policy_block, candidates, commitment_end, day) -> _Source:
    """No source covers the line: the customer pays; say why, as precisely as we can."""
    if policy_block is not None and policy_block.rule == "exclusion":
        return policy_block
    if commitment_end and day <= commitment_end:
        return _Source(
            ZERO,
            Payer.CUSTOMER,
            "commitment",
            "legal",
            Reason(
                gettext_noop(
                    "Out of warranty: the customer pays; parts and repairs remain available "
                    "until %(date)s."
                ),
                {"date": commitment_end},
            ),
            None,
            99,
        )
    if policy_block is not None:
        return policy_block
    zero = [c for c in candidates if c.reason is not None]
    if zero:
        best = min(zero, key=lambda c: (c.rank, c.source))
        return _Source(ZERO, Payer.CUSTOMER, best.rule, best.source, best.reason, None, 99)
    return _blocked("not_covered", "", Reason(gettext_noop("Not covered: the customer pays.")))


def _extension_days(policy, facts: UnitFacts, country) -> int:
    rule = policy.guarantee_map.get(GuaranteeKind.EXTEND_REPAIR)
    if rule is None or rule.working_days is None:
        return 0
    extra = 0
    for started, finished in facts.repairs:
        took = working_days(started, finished, country)
        if took > rule.working_days:
            extra += (
                (finished - started).days
                + 1
                - _calendar_days_within(started, rule.working_days, country)
            )
    return extra


def _calendar_days_within(start: dt.date, working: int, country) -> int:
    """Calendar days from `start` that hold `working` working days."""
    days, counted, day = 0, 0, start
    weekend = WEEKEND.get(country or "", {5, 6})
    while counted < working:
        if day.weekday() not in weekend:
            counted += 1
        days += 1
        day += dt.timedelta(days=1)
    return days


def _guarantee_notes(policy, start, day, jalali) -> list[Reason]:
    if policy is None or start is None:
        return []
    notes = []
    rules = policy.guarantee_map
    money_back = rules.get(GuaranteeKind.MONEY_BACK)
    if money_back and money_back.days is not None:
        until = start + dt.timedelta(days=money_back.days)
        if day <= until:
            notes.append(
                Reason(gettext_noop("Money back is guaranteed until %(date)s."), {"date": until})
            )
    replace = rules.get(GuaranteeKind.REPLACE_DEFECT)
    if replace and replace.days is not None:
        until = start + dt.timedelta(days=replace.days)
        if day <= until:
            notes.append(
                Reason(
                    gettext_noop("An inherent defect is answered with a new unit until %(date)s."),
                    {"date": until},
                )
            )
    return notes
