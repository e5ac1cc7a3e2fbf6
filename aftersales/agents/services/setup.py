"""The network's settings a manager keeps: grades, scorecard metrics, criteria, equipment."""

from django.db import transaction

from aftersales.core.models import User

from ..models import Criterion, Equipment, Grade, ScorecardMetric


def _save(instance, data: dict, *, fields: tuple[str, ...], many: tuple[str, ...] = ()):
    unknown = set(data) - set(fields) - set(many)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name in fields:
        if name in data:
            setattr(instance, name, data[name])
    instance.full_clean()
    instance.save()
    for name in many:
        if name in data:
            getattr(instance, name).set(data[name])
    return instance


@transaction.atomic
def grade_save(*, grade: Grade | None = None, by: User | None, **data) -> Grade:
    """Create or change a grade: its score threshold, tariff level, adjustment, allowed work."""
    return _save(
        grade or Grade(),
        data,
        fields=(
            "code",
            "name",
            "rank",
            "min_score",
            "tariff_level",
            "settlement_adjustment_percent",
            "is_active",
        ),
        many=("categories", "service_types"),
    )


@transaction.atomic
def metric_save(*, metric: ScorecardMetric, by: User | None, **data) -> ScorecardMetric:
    """Change how a KPI counts in the scorecard: weight, zero-points and full-points values."""
    return _save(metric, data, fields=("weight", "floor", "target", "is_active"))


@transaction.atomic
def criterion_save(*, criterion: Criterion | None = None, by: User | None, **data) -> Criterion:
    """Create or change a selection criterion and its weight."""
    return _save(
        criterion or Criterion(),
        data,
        fields=("code", "name", "description", "weight", "is_active"),
    )


@transaction.atomic
def equipment_save(*, equipment: Equipment | None = None, by: User | None, **data) -> Equipment:
    """Create or change a piece of equipment and the grades that require it."""
    return _save(
        equipment or Equipment(),
        data,
        fields=("code", "name", "description", "quantity", "is_active"),
        many=("required_for",),
    )
