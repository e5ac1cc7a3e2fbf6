"""Writes of the warranty app: rules, contracts, claims and their decisions.

Every function is atomic and keyword-only, checks records with `full_clean()` and raises
`ValidationError` for the caller to show.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.models import User
from aftersales.core.money import quantize
from aftersales.core.numbering import next_number

from . import adjudication
from .choices import ActionKind, ClaimStatus, GuaranteeKind, RecoveryStatus, Submitter
from .models import (
    Claim,
    ClaimPart,
    ExtendedContract,
    GuaranteeAction,
    GuaranteeRule,
    LegalMinimum,
    PartCoverage,
    StandardTime,
    SupplierRecovery,
    WarrantyPolicy,
)

POLICY_FIELDS = (
    "name",
    "product_model",
    "category",
    "valid_from",
    "start_event",
    "months",
    "usage_limit",
    "parts_pct",
    "labour_pct",
    "travel_pct",
    "exclusions",
    "transferable",
    "registration_days",
    "is_active",
)
LEGAL_FIELDS = (
    "country",
    "category",
    "months",
    "presumption_months",
    "commitment_years",
    "parts_pct",
    "labour_pct",
    "travel_pct",
    "exclusions",
    "survives_transfer",
    "source",
)
CONTRACT_FIELDS = (
    "kind",
    "starts",
    "ends",
    "usage_limit",
    "parts_pct",
    "labour_pct",
    "travel_pct",
    "exclusions",
    "payer",
    "price",
    "currency",
)


def _apply(instance: models.Model, fields: tuple[str, ...], data: dict) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(instance, name, value)
    instance.full_clean()


# Policies and their parts -----------------------------------------------------------------------


@transaction.atomic
def policy_create(*, by: User | None, **data) -> WarrantyPolicy:
    """A new warranty policy for a product model or a category."""
    policy = WarrantyPolicy()
    _apply(policy, POLICY_FIELDS, data)
    policy.save()
    return policy


@transaction.atomic
def policy_update(*, policy: WarrantyPolicy, by: User | None, **data) -> WarrantyPolicy:
    _apply(policy, POLICY_FIELDS, data)
    policy.save()
    return policy


@transaction.atomic
def part_coverage_set(
    *,
    policy: WarrantyPolicy,
    part,
    months: int,
    by: User | None,
    pct: Decimal = Decimal(100),
    payer: str = "maker",
    usage_limit: Decimal | None = None,
    supplier: str = "",
) -> PartCoverage:
    """Cover `part` differently under `policy` (e.g. a compressor for 60 months)."""
    override = PartCoverage.objects.filter(warranty_policy=policy, part=part).first()
    override = override or PartCoverage(warranty_policy=policy, part=part)
    override.months, override.pct, override.payer = months, pct, payer
    override.supplier = supplier
    override.usage_limit = usage_limit
    override.full_clean()
    override.save()
    return override


@transaction.atomic
def guarantee_set(
    *,
    policy: WarrantyPolicy,
    kind: str,
    by: User | None,
    days: int | None = None,
    repairs: int | None = None,
    working_days: int | None = None,
) -> GuaranteeRule:
    """Add or change one guarantee rule of a policy (one rule of each kind)."""
    rule = GuaranteeRule.objects.filter(warranty_policy=policy, kind=kind).first()
    rule = rule or GuaranteeRule(warranty_policy=policy, kind=kind)
    rule.days, rule.repairs, rule.working_days = days, repairs, working_days
    rule.full_clean()
    rule.save()
    return rule


@transaction.atomic
def legal_minimum_set(*, by: User | None, country: str, category=None, **data) -> LegalMinimum:
    """Create or change the legal minimum of a country for a category (None: every category)."""
    legal = LegalMinimum.objects.filter(country=country, category=category).first()
    legal = legal or LegalMinimum(country=country, category=category)
    _apply(legal, LEGAL_FIELDS, data)
    legal.save()
    return legal


@transaction.atomic
def legal_minimum_update(*, legal: LegalMinimum, by: User | None, **data) -> LegalMinimum:
    """Change a legal minimum (its country and category too, when no other record has them)."""
    _apply(legal, LEGAL_FIELDS, data)
    clash = LegalMinimum.objects.filter(country=legal.country, category=legal.category).exclude(
        pk=legal.pk
    )
    if clash.exists():
        raise ValidationError(
            {"category": _("This country already has a legal minimum for this category.")}
        )
    legal.save()
    return legal


@transaction.atomic
def standard_time_set(*, failure_code, minutes: int, by: User | None) -> StandardTime:
    """The standard labour minutes of a failure code (created or changed, audited on save)."""
    if minutes is None or minutes <= 0:
        raise ValidationError({"minutes": _("Enter the minutes, above zero.")})
    standard = StandardTime.objects.filter(failure_code=failure_code).first()
    standard = standard or StandardTime(failure_code=failure_code)
    standard.minutes = minutes
    standard.full_clean()
    standard.save()
    return standard


# Contracts --------------------------------------------------------------------------------------


@transaction.atomic
def contract_create(*, unit, by: User | None, **data) -> ExtendedContract:
    """Sell an extended warranty or a service contract for `unit`; numbered EW-<year>-n."""
    contract = ExtendedContract(unit=unit, number="-")
    _apply(contract, CONTRACT_FIELDS, data)
    contract.price = quantize(contract.price, contract.currency)
    contract.number = next_number(f"EW-{timezone.localdate().year}")
    contract.save()
    return contract


@transaction.atomic
def contract_cancel(*, contract: ExtendedContract, by: User | None) -> ExtendedContract:
    if contract.cancelled_at is None:
        contract.cancelled_at = timezone.now()
        contract.save(update_fields=["cancelled_at"])
    return contract


# Claims -----------------------------------------------------------------------------------------

PART_RETURN_DAYS = 30


@transaction.atomic
def claim_submit(
    *,
    unit,
    by: User | None,
    failure_date: dt.date,
    failure_codes=(),
    parts: list[dict] = (),
    labour_minutes: int = 0,
    labour_amount: Decimal = Decimal(0),
    travel_amount: Decimal = Decimal(0),
    currency: str = "IRR",
    meter: Decimal | None = None,
    agent=None,
    submitter: str = Submitter.AGENT,
    repair_started: dt.date | None = None,
    repair_finished: dt.date | None = None,
    causes: list[str] = (),
    external_ref: str = "",
    adjudicate: bool = True,
) -> Claim:
    """An agent's (or the maker's technician's) claim for a finished job, then decided at once.

    `parts`: dicts with `part`, `amount`, and optionally `quantity`, `faulty_serial`,
    `return_required`.
    """
    if by is not None and by.agent_id:
        agent = by.agent  # an agent's staff always claims for their own agent
    if failure_date > timezone.localdate():
        raise ValidationError({"failure_date": _("The failure date cannot be in the future.")})
    if repair_finished and repair_started and repair_finished < repair_started:
        raise ValidationError({"repair_finished": _("A repair cannot finish before it starts.")})
    codes = list(failure_codes)
    claim = Claim(
        number="-",
        unit=unit,
        agent=agent,
        submitter=submitter,
        external_ref=external_ref,
        failure_date=failure_date,
        repair_started=repair_started,
        repair_finished=repair_finished,
        meter=meter,
        causes=list(causes),
        labour_minutes=labour_minutes,
        labour_amount=quantize(labour_amount, currency),
        travel_amount=quantize(travel_amount, currency),
        currency=currency,
        submitted_by=by,
        defect_key=",".join(sorted(str(code.pk) for code in codes)),
    )
    claim.full_clean(exclude=["number"])
    claim.number = next_number(f"WC-{timezone.localdate().year}", width=7)
    claim.save()
    claim.failure_codes.set(codes)
    due = timezone.localdate() + dt.timedelta(days=PART_RETURN_DAYS)
    lines = []
    for item in parts:
        amount = quantize(Decimal(item.get("amount", 0)), currency)
        required = bool(item.get("return_required", False))
        lines.append(
            ClaimPart(
                claim=claim,
                part=item["part"],
                quantity=item.get("quantity", 1),
                amount=amount,
                faulty_serial=item.get("faulty_serial", ""),
                return_required=required,
                return_due=due if required else None,
            )
        )
    ClaimPart.objects.bulk_create(lines)
    claim.claimed_total = (
        sum((line.amount for line in lines), Decimal(0)) + claim.labour_amount + claim.travel_amount
    )
    claim.save(update_fields=["claimed_total"])
    if adjudicate:
        claim = adjudication.claim_adjudicate(claim=claim, by=by)
    return claim


@transaction.atomic
def claim_adjudicate(*, claim: Claim, by: User | None) -> Claim:
    """Decide a submitted claim automatically (see `adjudication.py`)."""
    return adjudication.claim_adjudicate(claim=claim, by=by)


# Who may move a claim from which status to which: a permission per transition.
TRANSITIONS: dict[tuple[str, str], frozenset] = {
    (ClaimStatus.REVIEW, ClaimStatus.APPROVED): frozenset({"quality", "manager"}),
    (ClaimStatus.REVIEW, ClaimStatus.PARTLY): frozenset({"quality", "manager"}),
    (ClaimStatus.REVIEW, ClaimStatus.REJECTED): frozenset({"quality", "manager"}),
    (ClaimStatus.REJECTED, ClaimStatus.REVIEW): frozenset({"manager"}),
    (ClaimStatus.PARTLY, ClaimStatus.REVIEW): frozenset({"manager"}),
    (ClaimStatus.APPROVED, ClaimStatus.REVIEW): frozenset({"manager"}),
}


def may_decide(user, claim: Claim, to: str) -> bool:
    roles = TRANSITIONS.get((claim.status, to))
    if not roles or not (user and user.is_authenticated):
        return False
    return user.is_superuser or user.role == "admin" or user.role in roles


@transaction.atomic
def claim_decide(
    *,
    claim: Claim,
    to: str,
    by: User,
    note: str = "",
    approved_total: Decimal | None = None,
) -> Claim:
    """A person's decision on a claim (the review queue); refused unless their role may."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if not may_decide(by, claim, to):
        raise PermissionDenied
    if to == ClaimStatus.APPROVED:
        claim.approved_total = claim.claimed_total
        for line in claim.parts.all():
            line.approved_amount = line.amount
            line.save(update_fields=["approved_amount"])
    elif to == ClaimStatus.REJECTED:
        claim.approved_total = Decimal(0)
    elif to == ClaimStatus.PARTLY:
        if approved_total is None or not 0 < approved_total < claim.claimed_total:
            raise ValidationError(
                {"approved_total": _("Give an amount between zero and the claimed amount.")}
            )
        claim.approved_total = quantize(approved_total, claim.currency)
    claim.status = to
    claim.reasons = [
        *claim.reasons,
        {"code": "decided", "params": {"status": to, "note": note, "by": by.get_username()}},
    ]
    claim.decided_by = by
    claim.decided_at = timezone.now()
    claim.save()
    return claim


@transaction.atomic
def claim_part_return_authorize(
    *, line: ClaimPart, source, by: User | None, destination=None, quantity: int | None = None
) -> ClaimPart:
    """Call the faulty part of a claim line back: a return authorization (RMA) from the parts
    app for the part held as defective in `source`, linked to the line; its return is then
    required by the line's due day."""
    from aftersales.parts import services as parts_services

    line = (
        ClaimPart.objects.select_for_update(of=("self",))
        .select_related("claim", "part")
        .get(pk=line.pk)
    )
    if line.defective_return_id:
        raise ValidationError(
            _("This part was already called back (%(number)s).")
            % {"number": line.defective_return.number}
        )
    item = parts_services.return_authorize(
        source=source,
        destination=destination,
        part=line.part,
        quantity=quantity or line.quantity,
        by=by,
        claim_number=line.claim.number,
    )
    line.defective_return = item
    line.return_required = True
    if line.return_due is None:
        line.return_due = timezone.localdate() + dt.timedelta(days=PART_RETURN_DAYS)
    line.save(update_fields=["defective_return", "return_required", "return_due"])
    return line


@transaction.atomic
def claim_part_returned(*, line: ClaimPart, on: dt.date, by: User | None) -> ClaimPart:
    """The faulty part came back to the maker (return authorization fulfilled)."""
    line.returned_at = on
    line.save(update_fields=["returned_at"])
    return line


# Supplier recovery ------------------------------------------------------------------------------

RECOVERABLE = (ClaimStatus.APPROVED, ClaimStatus.PARTLY)
RECOVERY_MOVES: dict[str, tuple[str, ...]] = {
    RecoveryStatus.CLAIMED: (RecoveryStatus.ACCEPTED, RecoveryStatus.REJECTED),
    RecoveryStatus.ACCEPTED: (RecoveryStatus.RECOVERED, RecoveryStatus.REJECTED),
}


def supplier_of(line: ClaimPart) -> str:
    """The supplier named on the part's rule under the unit's policy ("" when none is)."""
    from .coverage import rule_book

    unit = line.claim.unit
    policy = rule_book().policy_for(unit.product_model, unit.sale_date)
    override = policy.override_map.get(line.part_id) if policy is not None else None
    if override is not None and getattr(override, "supplier", ""):
        return override.supplier
    stored = PartCoverage.objects.filter(part_id=line.part_id).exclude(supplier="").first()
    return stored.supplier if stored else ""


@transaction.atomic
def recovery_create(
    *,
    claim: Claim,
    by: User | None,
    line: ClaimPart | None = None,
    supplier: str = "",
    amount: Decimal | None = None,
    note: str = "",
) -> SupplierRecovery:
    """Pass an approved claim (or one of its part lines) on to the part's supplier."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status not in RECOVERABLE:
        raise ValidationError(_("Only an approved or partly approved claim can be passed on."))
    if line is not None and line.claim_id != claim.pk:
        raise ValidationError({"line": _("Choose a part of this claim.")})
    if not supplier and line is not None:
        supplier = supplier_of(line)
    if not supplier:
        raise ValidationError({"supplier": _("Name the supplier.")})
    limit = line.approved_amount if line is not None else claim.approved_total
    if amount is None:
        amount = limit
    if amount <= 0 or amount > limit:
        raise ValidationError(
            {
                "amount": _("Give an amount above zero and up to the approved %(limit)s.")
                % {"limit": limit}
            }
        )
    open_ = SupplierRecovery.objects.filter(claim=claim, line=line).exclude(
        status=RecoveryStatus.REJECTED
    )
    if open_.exists():
        raise ValidationError(_("This has already been passed on to the supplier."))
    recovery = SupplierRecovery(
        number="-",
        claim=claim,
        line=line,
        supplier=supplier,
        amount=quantize(amount, claim.currency),
        currency=claim.currency,
        note=note,
        created_by=by,
    )
    recovery.full_clean(exclude=["number"])
    recovery.number = next_number(f"SR-{timezone.localdate().year}")
    recovery.save()
    return recovery


@transaction.atomic
def recovery_move(
    *,
    recovery: SupplierRecovery,
    to: str,
    by: User | None,
    recovered_amount: Decimal | None = None,
    note: str = "",
) -> SupplierRecovery:
    """The supplier accepted or rejected the recovery, or paid it (recovered)."""
    recovery = SupplierRecovery.objects.select_for_update().get(pk=recovery.pk)
    if to not in RECOVERY_MOVES.get(recovery.status, ()):
        raise ValidationError(
            {
                "to": _("A recovery that is %(status)s cannot become %(to)s.")
                % {"status": recovery.get_status_display(), "to": RecoveryStatus(to).label}
            }
        )
    if to == RecoveryStatus.RECOVERED:
        amount = recovery.amount if recovered_amount is None else recovered_amount
        if amount <= 0 or amount > recovery.amount:
            raise ValidationError(
                {
                    "recovered_amount": _("Give an amount above zero and up to %(amount)s.")
                    % {"amount": recovery.amount}
                }
            )
        recovery.recovered_amount = quantize(amount, recovery.currency)
    if to in (RecoveryStatus.RECOVERED, RecoveryStatus.REJECTED):
        recovery.closed_at = timezone.now()
    recovery.status = to
    if note:
        recovery.note = f"{recovery.note}\n{note}".strip()
    recovery.save()
    return recovery


# Guarantees as actions --------------------------------------------------------------------------

ACTION_OF_RULE = {
    GuaranteeKind.MONEY_BACK: ActionKind.MONEY_BACK,
    GuaranteeKind.REPLACE_DEFECT: ActionKind.REPLACEMENT,
    GuaranteeKind.REPLACE_REPEAT: ActionKind.REPLACEMENT,
}


@transaction.atomic
def guarantee_accept(
    *, unit, rule: str, by: User, new_unit=None, note: str = "", today: dt.date | None = None
) -> GuaranteeAction:
    """A manager accepts a proposed guarantee: money back, or the unit replaced (marked replaced
    through the units app, `replaced_by` the new unit when one is given)."""
    from aftersales.units import services as unit_services
    from aftersales.units.choices import UnitStatus
    from aftersales.units.models import Unit

    from .selectors import guarantee_proposals

    if not GuaranteeAction.policy.allows(by, "add"):
        raise PermissionDenied
    unit = (
        Unit.objects.select_for_update(of=("self",))
        .select_related("product_model", "owner")
        .get(pk=unit.pk)
    )
    if unit.status != UnitStatus.ACTIVE:
        raise ValidationError(_("This unit is no longer active."))
    proposal = next(
        (p for p in guarantee_proposals(unit=unit, today=today) if p["rule"] == rule), None
    )
    if proposal is None:
        raise ValidationError({"rule": _("This guarantee is not due for this unit.")})
    kind = ACTION_OF_RULE[rule]
    if new_unit is not None:
        if kind != ActionKind.REPLACEMENT:
            raise ValidationError({"new_unit": _("Only a replacement has a new unit.")})
        if new_unit.pk == unit.pk:
            raise ValidationError({"new_unit": _("Choose a different unit.")})
    action = GuaranteeAction.objects.create(
        unit=unit,
        kind=kind,
        rule=rule,
        basis=str(proposal["reason"]),
        new_unit=new_unit,
        note=note,
        decided_by=by,
    )
    if kind == ActionKind.REPLACEMENT:
        unit = unit_services.unit_update(unit=unit, by=by, status=UnitStatus.REPLACED)
        if new_unit is not None:
            unit.replaced_by = new_unit
            unit.save(update_fields=["replaced_by"])
    return action
