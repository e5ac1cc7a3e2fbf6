"""Automatic adjudication of warranty claims: approved, partly approved, rejected or for review.

The checks, in order, each leaving a reason (a code and its values; shown translated):
- duplicate: another claim, not rejected, for the same unit, failure date and failure codes;
- coverage: each line (part, labour, travel) paid at the per cent `coverage_for` gives on the
  failure date; no line covered is a claim after expiry (or excluded);
- labour over the standard time of the failure codes: labour paid for the standard time only;
- part not compatible with the unit's model: the part's line is refused;
- defective part not returned by its due day: the part's line is refused; when the part was
  called back under a return authorization (parts' `DefectiveReturn`), it counts as returned
  once the return is received or inspected (on its day of receipt); an inspection that found no
  fault or misuse sends the claim to review;
- no meter reading on a claim whose policy has a usage limit: the limit cannot be checked, so
  the claim goes to review;
- the same defect repaired within 30 days before: the claim goes to review (the earlier repair
  may have to be redone at the agent's cost).

`adjudicate_many` decides a batch with a fixed number of queries, whatever its size.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date
from aftersales.core.money import quantize

from .choices import ClaimStatus, LineKind
from .coverage import Line, coverage_for, facts_for
from .models import Claim, ClaimPart, StandardTime

REPEAT_DAYS = 30
OPEN_STATUSES = (
    ClaimStatus.SUBMITTED,
    ClaimStatus.APPROVED,
    ClaimStatus.PARTLY,
    ClaimStatus.REVIEW,
)
HUNDRED = Decimal(100)


def claim_adjudicate(*, claim: Claim, by=None) -> Claim:
    adjudicate_many(Claim.objects.filter(pk=claim.pk), by=by)
    claim.refresh_from_db()
    return claim


@transaction.atomic
def adjudicate_many(claims, *, by=None, today: dt.date | None = None) -> dict[str, int]:
    """Decide every claim of the queryset `claims`; returns the count per status."""
    today = today or timezone.localdate()
    claims = list(claims.select_related("unit__product_model", "unit__owner"))
    if not claims:
        return {}
    ids = [claim.pk for claim in claims]
    codes_of: dict[int, list[int]] = {}
    for claim_id, code_id in Claim.failure_codes.through.objects.filter(
        claim_id__in=ids
    ).values_list("claim_id", "failurecode_id"):
        codes_of.setdefault(claim_id, []).append(code_id)
    units = {claim.unit_id: claim.unit for claim in claims}
    facts = facts_for(list(units.values()))
    lines_by_claim: dict[int, list[ClaimPart]] = {}
    for line in (
        ClaimPart.objects.filter(claim_id__in=ids)
        .select_related("part", "defective_return")
        .order_by("pk")
    ):
        lines_by_claim.setdefault(line.claim_id, []).append(line)
    part_ids = {line.part_id for lines in lines_by_claim.values() for line in lines}
    compatible = set(
        ClaimPart.part.field.related_model.compatible_models.through.objects.filter(
            part_id__in=part_ids
        ).values_list("part_id", "productmodel_id")
    )
    code_ids = {code for codes in codes_of.values() for code in codes}
    standard = dict(
        StandardTime.objects.filter(failure_code_id__in=code_ids).values_list(
            "failure_code_id", "minutes"
        )
    )
    history: dict[int, list[tuple]] = {}
    earliest = min(claim.failure_date for claim in claims) - dt.timedelta(days=REPEAT_DAYS)
    for row in (
        Claim.objects.filter(
            unit_id__in=list(units), status__in=OPEN_STATUSES, failure_date__gte=earliest
        )
        .exclude(defect_key="")
        .values_list("pk", "unit_id", "failure_date", "defect_key", "number")
    ):
        history.setdefault(row[1], []).append(row)

    counts: dict[str, int] = {}
    changed_lines: list[ClaimPart] = []
    for claim in claims:
        _decide(
            claim,
            lines_by_claim.get(claim.pk, []),
            facts[claim.unit_id],
            compatible,
            standard,
            history.get(claim.unit_id, []),
            today,
            codes_of.get(claim.pk, []),
        )
        changed_lines.extend(lines_by_claim.get(claim.pk, []))
        counts[claim.status] = counts.get(claim.status, 0) + 1
        # a decided claim counts as history for the next ones of the batch
        if claim.status != ClaimStatus.REJECTED and claim.defect_key:
            history.setdefault(claim.unit_id, []).append(
                (claim.pk, claim.unit_id, claim.failure_date, claim.defect_key, claim.number)
            )
        claim.decided_by = by
        claim.decided_at = timezone.now()
    _write(Claim, claims, ["status", "reasons", "approved_total", "decided_by", "decided_at"])
    _write(ClaimPart, changed_lines, ["approved_amount"])
    _audit(claims, by)
    return counts


def _decide(claim, lines, facts, compatible, standard, history, today, codes) -> None:
    reasons: list[dict] = []
    review = False
    for other_pk, _unit, failure_date, defect_key, number in history:
        if other_pk == claim.pk or defect_key != claim.defect_key:
            continue
        if failure_date == claim.failure_date and other_pk < claim.pk:
            reasons.append({"code": "duplicate", "params": {"number": number}})
            _set(claim, lines, ClaimStatus.REJECTED, reasons, zero=True)
            return
        if (
            claim.failure_date - dt.timedelta(days=REPEAT_DAYS)
            <= failure_date
            < (claim.failure_date)
        ):
            reasons.append({"code": "repeat", "params": {"number": number, "days": REPEAT_DAYS}})
            review = True

    unit = claim.unit
    wanted = [Line.part(line.part_id) for line in lines] + [Line.labour(), Line.travel()]
    decision = coverage_for(
        unit=unit,
        on=claim.failure_date,
        meter=claim.meter,
        lines=wanted,
        causes=claim.causes,
        facts=facts,
    )
    if claim.meter is None and decision.usage_limit is not None:
        reasons.append({"code": "no_meter", "params": {"limit": str(decision.usage_limit)}})
        review = True
    if not decision.covered:
        first = decision.lines[0] if decision.lines else None
        reasons.append(
            {
                "code": "not_covered",
                "params": {"rule": first.rule if first else "", "reason": first.reason},
            }
        )
        _set(claim, lines, ClaimStatus.REJECTED, reasons, zero=True)
        return

    currency = claim.currency
    total = Decimal(0)
    for line, verdict in zip(lines, decision.lines, strict=False):
        amount = line.amount * verdict.covered_pct / HUNDRED
        sku = line.part.sku
        returned = returned_on(line)
        item = line.defective_return
        if item is not None and item.result in REFUSED_RESULTS:
            reasons.append(
                {
                    "code": "inspection",
                    "params": {"part": sku, "number": item.number, "result": item.result},
                }
            )
            review = True
        if (line.part_id, unit.product_model_id) not in compatible:
            reasons.append({"code": "incompatible", "params": {"part": sku}})
            amount = Decimal(0)
        elif (
            line.return_required
            and line.return_due
            and line.return_due < (today if returned is None else returned)
        ):
            reasons.append(
                {
                    "code": "not_returned",
                    "params": {"part": sku, "due": str(line.return_due)},
                }
            )
            amount = Decimal(0)
        elif verdict.covered_pct < HUNDRED:
            reasons.append(
                {
                    "code": "partial_cover",
                    "params": {"line": LineKind.PART, "pct": str(verdict.covered_pct)},
                }
            )
        line.approved_amount = quantize(amount, currency)
        total += line.approved_amount

    labour_verdict = decision.line(LineKind.LABOUR)
    labour = claim.labour_amount * labour_verdict.covered_pct / HUNDRED
    minutes = sum(standard.get(code, 0) for code in codes)
    if minutes and claim.labour_minutes > minutes:
        reasons.append(
            {
                "code": "labour_over_standard",
                "params": {"minutes": claim.labour_minutes, "standard": minutes},
            }
        )
        labour = (labour * Decimal(minutes) / Decimal(claim.labour_minutes)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    travel_verdict = decision.line(LineKind.TRAVEL)
    travel = claim.travel_amount * travel_verdict.covered_pct / HUNDRED
    total += quantize(labour, currency) + quantize(travel, currency)
    claim.approved_total = quantize(total, currency)
    reasons.append(
        {
            "code": "covered",
            "params": {"rule": labour_verdict.rule, "until": str(decision.covered_until or "")},
        }
    )
    if review:
        status = ClaimStatus.REVIEW
    elif claim.approved_total >= claim.claimed_total:
        status = ClaimStatus.APPROVED
    elif claim.approved_total == 0:
        status = ClaimStatus.REJECTED
    else:
        status = ClaimStatus.PARTLY
    claim.status = status
    claim.reasons = reasons


RETURNED_STATUSES = ("received", "inspected")
REFUSED_RESULTS = ("no_fault", "misuse")


def returned_on(line: ClaimPart) -> dt.date | None:
    """The day the faulty part came back: its return authorization's receipt when it has one
    (received or inspected), else the day recorded on the line."""
    item = line.defective_return
    if item is not None:
        if item.status in RETURNED_STATUSES and item.received_at is not None:
            return timezone.localdate(item.received_at)
        return line.returned_at
    return line.returned_at


def _write(model, objects, names: list[str]) -> None:
    """Save these fields of many rows with one prepared UPDATE run for each (executemany):
    much faster than `bulk_update`'s CASE expressions for thousands of rows."""
    if not objects:
        return
    connection = connections[router.db_for_write(model)]
    fields = [model._meta.get_field(name) for name in names]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in fields)
    sql = f"UPDATE {table} SET {columns} WHERE {connection.ops.quote_name('id')} = %s"
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _set(claim, lines, status, reasons, *, zero: bool) -> None:
    claim.status = status
    claim.reasons = reasons
    if zero:
        claim.approved_total = Decimal(0)
        for line in lines:
            line.approved_amount = Decimal(0)


def _audit(claims, by) -> None:
    """The rows were written without `save()`, so write their audit entries (one UPDATE entry
    per claim, as django-auditlog would) with one prepared INSERT."""
    content_type = ContentType.objects.get_for_model(Claim)
    now = timezone.now()
    actor = by.pk if by is not None and by.pk else None
    email = getattr(by, "email", None) or None
    names = [
        "content_type",
        "object_pk",
        "object_id",
        "object_repr",
        "action",
        "changes_text",
        "changes",
        "actor",
        "actor_email",
        "timestamp",
        "additional_data",
    ]
    connection = connections[router.db_for_write(LogEntry)]
    fields = [LogEntry._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(LogEntry._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    prepare = [(field, field.get_db_prep_save) for field in fields]
    rows = []
    for claim in claims:
        values = [
            content_type.pk,
            str(claim.pk),
            claim.pk,
            claim.number,
            LogEntry.Action.UPDATE,
            "",
            {
                "status": [ClaimStatus.SUBMITTED, claim.status],
                "approved_total": ["0", str(claim.approved_total)],
            },
            actor,
            email,
            now,
            {"adjudication": "automatic"},
        ]
        rows.append(
            [save(value, connection) for (_field, save), value in zip(prepare, values, strict=True)]
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


REASON_TEXTS = {
    "duplicate": lambda p: _("Duplicate of claim %(number)s.") % p,
    "repeat": lambda p: (
        _("The same defect was repaired within %(days)s days (claim %(number)s): review.") % p
    ),
    "not_covered": lambda p: _("Not covered on the failure date: %(reason)s") % p,
    "incompatible": lambda p: _("Part %(part)s does not fit this model.") % p,
    "not_returned": lambda p: (
        _("The faulty part %(part)s was not returned by %(due)s.")
        % {**p, "due": show_date(dt.date.fromisoformat(p["due"]))}
    ),
    "inspection": lambda p: (
        _("Return %(number)s of part %(part)s: the inspection found %(result)s: review.")
        % {**p, "result": _inspection_label(p["result"])}
    ),
    "no_meter": lambda p: (
        _("No meter reading: the policy's usage limit of %(limit)s cannot be checked: review.") % p
    ),
    "partial_cover": lambda p: _("A line is covered only %(pct)s%%.") % p,
    "labour_over_standard": lambda p: (
        _("Labour of %(minutes)s minutes is over the standard %(standard)s: paid at the standard.")
        % p
    ),
    "covered": lambda p: _("Covered (%(rule)s).") % p,
    "decided": lambda p: _("Decided by %(by)s: %(status)s. %(note)s") % p,
}


def _inspection_label(result: str) -> str:
    from aftersales.parts.choices import InspectionResult

    try:
        return str(InspectionResult(result).label).lower()
    except ValueError:
        return result


def reason_text(reason: dict) -> str:
    """A stored reason as a sentence in the active language."""
    render = REASON_TEXTS.get(reason.get("code"))
    if render is None:
        return str(reason.get("code", ""))
    try:
        return render(reason.get("params", {})).strip()
    except (KeyError, TypeError, ValueError):
        return str(reason.get("code"))
