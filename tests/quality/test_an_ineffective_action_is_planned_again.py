"""ISO 9001 10.2: an action found not effective is not the end of it. The quality engineer
plans it again (a new root cause, a new change with its effective date) and verifies again, or
cancels it; the page offers both."""

import datetime as dt

import pytest

from aftersales.quality import services
from aftersales.quality.choices import CapaSource, CapaStatus, Verdict

from .conftest import make_units, month_start, simulate_failures

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 10, 31)


@pytest.fixture
def ineffective(quality, ac_model, rng):
    for i in range(24):
        units = make_units(ac_model, count=150, produced=month_start(2024, 1 + i), prefix=f"U{i}-")
        simulate_failures(units, rng=rng, monthly_hazard=0.015, months=6, on=ON)
    capa = services.capa_open(
        by=quality,
        title="Compressor seizures",
        source=CapaSource.OTHER,
        problem="Compressors seize in the first months.",
        product_model=ac_model,
    )
    capa = services.capa_update(
        capa=capa,
        by=quality,
        root_cause_category="material",
        root_cause="A thin valve plate.",
        production_action="Supplier changed.",
        owner=quality,
        due_date=dt.date.today() + dt.timedelta(days=30),
        effective_date=dt.date(2025, 1, 1),
        window_months=6,
    )
    capa = services.capa_verify(capa=capa, by=quality, on=ON)
    assert capa.status == CapaStatus.NOT_EFFECTIVE
    return capa


def test_it_is_planned_again_from_its_page(login, quality, ineffective):
    client = login(quality)
    page = client.get(ineffective.get_absolute_url()).content.decode()
    assert 'id="plan"' in page and 'id="cancel"' in page
    capa = services.capa_update(
        capa=ineffective,
        by=quality,
        root_cause="The valve plate was fine: the oil return was the cause.",
        production_action="Oil return line rerouted.",
        effective_date=dt.date(2025, 7, 1),
    )
    assert capa.status == CapaStatus.IMPLEMENTED
    assert capa.verdict == Verdict.NOT_EFFECTIVE  # the last check stays on record until the next


def test_it_can_be_cancelled(login, quality, ineffective):
    response = login(quality).post(f"/quality/actions/{ineffective.pk}/cancel/")
    assert response.status_code == 302
    ineffective.refresh_from_db()
    assert ineffective.status == CapaStatus.CANCELLED and ineffective.closed_at is not None
