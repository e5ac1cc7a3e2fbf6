"""The months-in-service x production-month matrix: claims per 1,000 units that reached each
month of service; months not reached yet are empty."""

import datetime as dt

import pytest

from aftersales.quality import selectors

from .conftest import make_claims, make_units

pytestmark = pytest.mark.django_db


def test_cells_count_claims_over_units_that_reached_the_month(quality, ac_model):
    january = make_units(ac_model, count=100, produced=dt.date(2025, 1, 5))  # sold 2025-01-20
    march = make_units(ac_model, count=50, produced=dt.date(2025, 3, 5))
    make_claims([(u, dt.date(2025, 1, 25)) for u in january[:2]])  # month in service 1
    make_claims([(u, dt.date(2025, 3, 2)) for u in january[2:5]])  # month in service 3
    make_claims([(march[0], dt.date(2025, 4, 1))])  # month in service 2
    result = selectors.claim_matrix(
        quality, product_model=ac_model, months=6, on=dt.date(2025, 5, 15)
    )
    assert [row.month for row in result.rows] == [dt.date(2025, 1, 1), dt.date(2025, 3, 1)]
    jan, mar = result.rows
    assert jan.units == 100 and mar.units == 50
    assert jan.cells[0] == (2, 100, 20.0)
    assert jan.cells[1] == (0, 100, 0.0)
    assert jan.cells[2] == (3, 100, 30.0)
    assert jan.cells[4] is not None and jan.cells[5] is None  # January to May: 5 months
    assert mar.cells[1] == (1, 50, 20.0)
    assert mar.cells[3] is None  # March to May: 3 months
    assert result.total[0] == (2, 150, pytest.approx(2000 / 150))


def test_matrix_page_shows_a_heat_map(login, quality, ac_model):
    # made three months ago: the last months in service of the page's 24 are not reached yet
    produced = (dt.date.today().replace(day=1) - dt.timedelta(days=80)).replace(day=5)
    units = make_units(ac_model, count=10, produced=produced)
    make_claims([(units[0], produced + dt.timedelta(days=27))])
    response = login(quality).get("/quality/matrix/", {"product_model": ac_model.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="matrix"' in html and "heat-5" in html and "not-reached" in html
    assert 'data-chart="chart-curve"' in html
