"""The insights API: the same figures as the dashboard, for the same roles."""

import datetime as dt

import pytest
from django.core.management import call_command

from aftersales.core.choices import Role
from aftersales.insights import aggregation
from aftersales.insights.kpis import kpi_values

from .conftest import at

PERIOD = {"start": "2026-10-01", "end": "2026-10-31"}


@pytest.fixture
def history(world):
    ac = world.unit()
    world.served(
        unit=ac, opened=at(dt.date(2026, 10, 3), 9), visit_start=at(dt.date(2026, 10, 4), 10)
    )
    aggregation.refresh(full=True)


def test_kpis_of_a_period_and_an_agent(world, history, login, manager):
    client = login(manager)
    body = client.get("/api/v1/insights/kpis", PERIOD | {"agent": world.north.pk}).json()
    assert body["from_facts"] is True
    expected = kpi_values(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31), agent=world.north)
    assert body["values"]["first_time_fix_rate"] == str(expected["first_time_fix_rate"])
    assert body["values"]["nps"] is None


def test_trend_breakdown_and_definitions(world, history, login, manager):
    client = login(manager)
    months = client.get("/api/v1/insights/trend", {"start": "2026-09-01", "end": "2026-10-31"})
    assert [row["month"] for row in months.json()] == ["2026-09-01", "2026-10-01"]
    rows = client.get("/api/v1/insights/breakdown/agent", PERIOD).json()
    assert [row["key"] for row in rows] == [world.north.pk]
    assert client.get("/api/v1/insights/breakdown/colour", PERIOD).status_code == 404
    keys = {row["key"] for row in client.get("/api/v1/insights/definitions").json()}
    assert {"first_time_fix_rate", "parts_fill_rate", "nps"} <= keys


def test_bad_input_is_refused_with_a_message(world, login, manager):
    response = login(manager).get(
        "/api/v1/insights/kpis", {"start": "2026-10-31", "end": "2026-10-01"}
    )
    assert response.status_code == 422
    assert "end" in response.json()["errors"]


def test_other_roles_get_404(world, login, make_user):
    client = login(make_user(Role.OPERATOR, username="op2"))
    assert client.get("/api/v1/insights/kpis", PERIOD).status_code == 404
    assert client.post("/api/v1/insights/refresh").status_code == 404


def test_a_manager_refreshes_and_the_command_does_too(world, history, login, manager, capsys):
    response = login(manager).post("/api/v1/insights/refresh?full=true")
    assert response.status_code == 200
    assert response.json()["full"] is True
    call_command("refresh_insights")
    assert "incremental refresh" in capsys.readouterr().out
