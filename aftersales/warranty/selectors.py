"""Reads of the warranty app that are more than one line."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.models import FailureCode
from aftersales.core.calendars import show_date

from .choices import ClaimStatus, GuaranteeKind
from .coverage import coverage_for, rule_book
from .models import Claim, ClaimPart, GuaranteeAction

DEFAULT_REPEATS = 3
REPAIRED = (ClaimStatus.APPROVED, ClaimStatus.PARTLY, ClaimStatus.REVIEW)


def review_queue(*, user):
    """Claims waiting for a person's decision, oldest first, as far as `user` may see."""
    return (
        Claim.objects.restrict(user, "view")
        .filter(status=ClaimStatus.REVIEW)
        .select_related("unit__product_model", "agent")
        .order_by("submitted_at", "pk")
    )


def repeats_for(unit) -> int:
    """The Nth repair of the same defect that calls for a replacement, by the unit's policy."""
    policy = rule_book().policy_for(unit.product_model, unit.sale_date)
    if policy is not None:
        rule = policy.guarantee_map.get(GuaranteeKind.REPLACE_REPEAT)
        if rule is not None and rule.repairs:
            return rule.repairs
    return DEFAULT_REPEATS


def unit_repairs(*, unit) -> list[dict]:
    """Repairs of each defect of one unit, and whether a replacement should be proposed."""
    rows = (
        Claim.objects.filter(unit=unit, status__in=REPAIRED)
        .exclude(defect_key="")
        .values("defect_key")
        .annotate(repairs=Count("pk"))
        .order_by("-repairs", "defect_key")
    )
    threshold = repeats_for(unit)
    names = _defect_names({row["defect_key"] for row in rows})
    return [
        {
            "defect_key": row["defect_key"],
            "defect": names.get(row["defect_key"], row["defect_key"]),
            "repairs": row["repairs"],
            "threshold": threshold,
            "replace": row["repairs"] >= threshold,
        }
        for row in rows
    ]


def lemons(*, user, at_least: int = 2):
    """Units repaired for the same defect `at_least` times (the lemon tracker), worst first."""
    return (
        Claim.objects.restrict(user, "view")
        .filter(status__in=REPAIRED)
        .exclude(defect_key="")
        .values("unit_id", "unit__serial", "unit__product_model__code", "defect_key")
        .annotate(repairs=Count("pk"))
        .filter(repairs__gte=at_least)
        .order_by("-repairs", "unit_id")
    )


def _defect_names(keys: set[str]) -> dict[str, str]:
    ids = {int(pk) for key in keys for pk in key.split(",") if pk}
    codes = {code.pk: code.code for code in FailureCode.objects.filter(pk__in=ids)}
    return {key: " + ".join(codes.get(int(pk), pk) for pk in key.split(",") if pk) for key in keys}


def claim_counts(*, user) -> dict[str, int]:
    rows = Claim.objects.restrict(user, "view").values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def guarantee_proposals(*, unit, today: dt.date | None = None) -> list[dict]:
    """The guarantees beyond repair due to `unit` today (R5.2), each with a reason: money back
    within N days of the warranty's start; a replacement for an inherent defect that appeared
    within N days; a replacement on the Nth repair of the same defect. A guarantee already
    honoured, or a unit no longer active, proposes nothing."""
    if unit.status != "active":
        return []
    today = today or timezone.localdate()
    policy = rule_book().policy_for(unit.product_model, unit.sale_date)
    done = set(GuaranteeAction.objects.filter(unit=unit).values_list("rule", flat=True))
    rules = policy.guarantee_map if policy is not None else {}
    start = coverage_for(unit=unit, on=today, lines=[]).warranty_start if policy else None
    proposals = []
    money_back = rules.get(GuaranteeKind.MONEY_BACK)
    if money_back and money_back.days is not None and start is not None:
        until = start + dt.timedelta(days=money_back.days)
        if start <= today <= until:
            proposals.append(
                {
                    "rule": GuaranteeKind.MONEY_BACK,
                    "reason": _("Money back is guaranteed until %(date)s.")
                    % {"date": show_date(until)},
                }
            )
    replace = rules.get(GuaranteeKind.REPLACE_DEFECT)
    if replace and replace.days is not None and start is not None:
        until = start + dt.timedelta(days=replace.days)
        early = (
            Claim.objects.filter(
                unit=unit, status__in=REPAIRED, failure_date__gte=start, failure_date__lte=until
            )
            .order_by("failure_date", "pk")
            .first()
        )
        if early is not None:
            proposals.append(
                {
                    "rule": GuaranteeKind.REPLACE_DEFECT,
                    "reason": _(
                        "A defect appeared within %(days)s days of the start (claim %(number)s): "
                        "replace the unit."
                    )
                    % {"days": replace.days, "number": early.number},
                }
            )
    for row in unit_repairs(unit=unit):
        if row["replace"]:
            proposals.append(
                {
                    "rule": GuaranteeKind.REPLACE_REPEAT,
                    "reason": _(
                        "The defect %(defect)s was repaired %(repairs)s times: replace the unit."
                    )
                    % {"defect": row["defect"], "repairs": row["repairs"]},
                }
            )
            break
    return [p for p in proposals if p["rule"] not in done]


def claim_returns(*, user):
    """Claim lines whose faulty part was called back, with the return's status and inspection
    result, as far as `user` may see (for quality)."""
    return (
        ClaimPart.objects.restrict(user, "view")
        .filter(defective_return__isnull=False)
        .select_related("claim__unit", "part", "defective_return")
        .order_by("-defective_return__authorized_at", "-pk")
    )


__all__ = [
    "Q",
    "claim_counts",
    "claim_returns",
    "guarantee_proposals",
    "lemons",
    "review_queue",
    "unit_repairs",
]
