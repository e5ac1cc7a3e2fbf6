"""A corrective action: opened from a finding, planned (root cause, actions, owner, due date),
made effective, and verified by the claim rate before vs after its effective date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from aftersales.quality import services
from aftersales.quality.choices import CapaSource, CapaStatus, Verdict
from aftersales.quality.models import CorrectiveAction

from .conftest import make_units, month_start, simulate_failures

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 10, 31)


def _open(quality, ac_model, **kwargs):
    return services.capa_open(
        by=quality,
        title="Compressor seizures",
        source=CapaSource.OTHER,
        problem="Compressors seize in the first months.",
        product_model=ac_model,
        **kwargs,
    )


def _plan(capa, quality, effective):
    return services.capa_update(
        capa=capa,
        by=quality,
        root_cause_category="material",
        root_cause="A supplier's valve plate was too thin.",
        production_action="Incoming inspection of valve plates; supplier changed.",
        owner=quality,
        due_date=dt.date.today() + dt.timedelta(days=30),
        effective_date=effective,
        window_months=6,
    )


def _fleet(ac_model, rng, *, before_hazard, after_hazard, after_months=12):
    """Production Jan-Dec 2024 at one rate, from Jan 2025 at another."""
    for i in range(12):
        units = make_units(ac_model, count=150, produced=month_start(2024, 1 + i), prefix=f"A{i}-")
        simulate_failures(units, rng=rng, monthly_hazard=before_hazard, months=6, on=ON)
    for i in range(after_months):
        units = make_units(ac_model, count=150, produced=month_start(2025, 1 + i), prefix=f"B{i}-")
        simulate_failures(units, rng=rng, monthly_hazard=after_hazard, months=6, on=ON)


def test_the_status_follows_the_plan(quality, ac_model):
    capa = _open(quality, ac_model)
    assert capa.status == CapaStatus.INVESTIGATING and capa.number.startswith("CAPA-")
    capa = _plan(capa, quality, effective=None)
    assert capa.status == CapaStatus.PLANNED
    capa = _plan(capa, quality, effective=dt.date(2025, 1, 1))
    assert capa.status == CapaStatus.IMPLEMENTED


def test_an_action_that_halved_claims_is_verified_effective(quality, ac_model, rng):
    _fleet(ac_model, rng, before_hazard=0.02, after_hazard=0.01)
    capa = _plan(_open(quality, ac_model), quality, effective=dt.date(2025, 1, 1))
    capa = services.capa_verify(capa=capa, by=quality, on=ON)
    assert capa.verdict == Verdict.EFFECTIVE and capa.status == CapaStatus.EFFECTIVE
    assert capa.rate_after < capa.rate_before
    assert capa.p_value < 0.05 and capa.closed_at is not None
    assert float(capa.rate_before) == pytest.approx(20, rel=0.25)  # 0.02 per unit-month


def test_an_action_with_no_effect_is_not_effective(quality, ac_model, rng):
    _fleet(ac_model, rng, before_hazard=0.015, after_hazard=0.015)
    capa = _plan(_open(quality, ac_model), quality, effective=dt.date(2025, 1, 1))
    capa = services.capa_verify(capa=capa, by=quality, on=ON)
    assert capa.verdict == Verdict.NOT_EFFECTIVE and capa.status == CapaStatus.NOT_EFFECTIVE


def test_too_little_service_after_the_change_gives_no_verdict(quality, ac_model, rng):
    _fleet(ac_model, rng, before_hazard=0.02, after_hazard=0.0001, after_months=0)
    make_units(ac_model, count=5, produced=dt.date(2026, 10, 1))
    capa = _plan(_open(quality, ac_model), quality, effective=dt.date(2026, 10, 1))
    capa = services.capa_verify(capa=capa, by=quality, on=ON)
    assert capa.verdict == Verdict.TOO_EARLY and capa.status == CapaStatus.IMPLEMENTED


def test_bad_plans_are_refused_with_reasons(quality, ac_model):
    capa = _open(quality, ac_model)
    with pytest.raises(ValidationError) as error:
        services.capa_update(capa=capa, by=quality, production_action="Change the supplier")
    assert "owner" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.capa_update(capa=capa, by=quality, effective_date=dt.date(2025, 1, 1))
    assert "effective_date" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _open(quality, ac_model, due_date=dt.date(2020, 1, 1))
    assert "due_date" in error.value.message_dict
    capa.refresh_from_db()
    assert capa.status == CapaStatus.INVESTIGATING and capa.production_action == ""


def test_verification_needs_an_effective_date(quality, ac_model):
    with pytest.raises(ValidationError):
        services.capa_verify(capa=_open(quality, ac_model), by=quality)


def test_a_complaint_source_needs_its_code(quality, ac_model):
    with pytest.raises(ValidationError) as error:
        services.capa_open(
            by=quality, title="t", source=CapaSource.COMPLAINT, problem="p", complaint_code=""
        )
    assert "complaint_code" in error.value.message_dict
    assert not CorrectiveAction.objects.exists()


def test_a_complaint_opens_a_capa_by_its_tracking_code(quality, ac_model, owner):
    from aftersales.complaints import services as complaints

    complaint = complaints.complaint_receive(
        by=quality,
        channel="phone",
        subject="Noisy again",
        description="The third repair of the same noise.",
        remedy_sought="replacement",
        customer=owner,
        product_model=ac_model,
    )
    with pytest.raises(ValidationError) as error:
        services.capa_open(
            by=quality, title="t", source=CapaSource.COMPLAINT, problem="p", complaint_code="NOPE-1"
        )
    assert "complaint_code" in error.value.message_dict
    capa = services.capa_open(
        by=quality,
        title="Repeated noise",
        source=CapaSource.COMPLAINT,
        problem="Repeated fan noise after repairs",
        complaint_code=complaint.code.lower(),
    )
    assert capa.complaint == complaint and capa.product_model == ac_model
