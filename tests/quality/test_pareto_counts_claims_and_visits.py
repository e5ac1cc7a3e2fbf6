"""The Pareto counts each failure code (and part) of claims that were not rejected and of
visits, most frequent first, with the cumulative share."""

import datetime as dt

import pytest

from aftersales.quality import selectors
from aftersales.quality.choices import FailureSource
from tests.service.factories import open_request, scheduled_visit, technician_with_login

from .conftest import make_claims, make_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def failures(ac_model, compressor, fan, fan_part):
    units = make_units(ac_model, count=6, produced=dt.date(2025, 1, 10))
    make_claims([(u, dt.date(2025, 6, 1)) for u in units[:3]], codes=[compressor])
    make_claims([(units[3], dt.date(2025, 7, 1))], codes=[fan], part=fan_part)
    make_claims([(units[4], dt.date(2025, 7, 1))], codes=[fan], status="rejected")
    return units


def test_claims_by_code_most_frequent_first(quality, failures, ac_model):
    rows = selectors.pareto(quality, product_model=ac_model, source=FailureSource.CLAIMS)
    assert [(r.key, r.count) for r in rows] == [("D-COMP", 3), ("D-FAN", 1)]  # rejected: out
    assert [round(r.cumulative, 2) for r in rows] == [0.75, 1.0]
    assert rows[0].share == pytest.approx(0.75)


def test_parts_replaced(quality, failures, ac_model):
    rows = selectors.pareto(quality, by="part", product_model=ac_model)
    assert [(r.key, r.count) for r in rows] == [("FAN-1", 1)]


def test_a_period_narrows_by_failure_date(quality, failures, ac_model):
    rows = selectors.pareto(quality, product_model=ac_model, start=dt.date(2025, 6, 15))
    assert [(r.key, r.count) for r in rows] == [("D-FAN", 1)]


def test_visits_failure_codes_count_too(
    quality, failures, ac_model, fan, operator, owner, service_data, make_user
):
    from aftersales.service import services

    unit = failures[5]
    unit.owner = owner
    unit.save()
    dispatcher = make_user("dispatcher", username="disp")
    tech = technician_with_login()
    request = open_request(by=operator, customer=owner, unit=unit)
    visit = scheduled_visit(request=request, technician=tech, by=dispatcher)
    visit = services.visit_check_in(visit=visit, by=tech.user)
    services.visit_record(
        visit=visit, by=tech.user, diagnosis="noisy", failure_codes=[fan], checklist={}
    )
    both = selectors.pareto(quality, product_model=ac_model)
    assert [(r.key, r.count) for r in both] == [("D-COMP", 3), ("D-FAN", 2)]
    visits = selectors.pareto(quality, product_model=ac_model, source=FailureSource.VISITS)
    assert [(r.key, r.count) for r in visits] == [("D-FAN", 1)]


def test_many_codes_are_folded_into_others(quality, ac_model):
    from tests.factories import FailureCodeFactory

    units = make_units(ac_model, count=20, produced=dt.date(2025, 1, 10))
    for i, unit in enumerate(units):
        make_claims([(unit, dt.date(2025, 3, 1))], codes=[FailureCodeFactory(code=f"C{i:02d}")])
    rows = selectors.pareto(quality, product_model=ac_model, limit=5)
    assert len(rows) == 6 and rows[-1].key == "" and rows[-1].count == 15
    assert rows[-1].cumulative == pytest.approx(1.0)


def test_the_vital_few_reach_80_percent(quality, failures, ac_model):
    rows = selectors.pareto(quality, product_model=ac_model, source=FailureSource.CLAIMS)
    # D-COMP alone is 75 %: the next one (D-FAN) is needed to pass 80 %
    assert [r.vital for r in rows] == [True, True]
