"""Reads of the warranty app that are more than one line."""

from __future__ import annotations

from django.db.models import Count, Q

from aftersales.catalog.models import FailureCode

from .choices import ClaimStatus, GuaranteeKind
from .coverage import rule_book
from .models import Claim

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


__all__ = ["Q", "claim_counts", "lemons", "review_queue", "unit_repairs"]
