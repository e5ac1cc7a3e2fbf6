"""The manager's dashboard: figures, charts, breakdowns, and the records behind each figure."""

import datetime as dt
import json

import pytest

from aftersales.core.choices import Role
from aftersales.insights import aggregation

from .conftest import at

PERIOD = {"start": "2026-09-01", "end": "2026-11-30"}


@pytest.fixture
def served(world):
    ac = world.unit()
    fp = world.unit(model=world.fp_model, agent=world.south)
    first, _ = world.served(
        unit=ac, opened=at(dt.date(2026, 10, 3), 9), visit_start=at(dt.date(2026, 10, 4), 10)
    )
    second, _ = world.served(
        unit=fp,
        agent=world.south,
        technician=world.tech_south,
        opened=at(dt.date(2026, 10, 5), 9),
        visit_start=at(dt.date(2026, 10, 6), 10),
        result="needs_parts",
    )
    old, _ = world.served(
        unit=ac, opened=at(dt.date(2026, 6, 6), 9), visit_start=at(dt.date(2026, 6, 7), 10)
    )
    aggregation.refresh(full=True)
    return first, second, old


def test_the_manager_sees_each_kpi_and_the_charts(world, served, login, manager):
    response = login(manager).get("/insights/", PERIOD)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="kpi-first_time_fix_rate"' in page
    assert "100.0%" in page  # one request resolved, fixed by its first visit
    charts = json.loads(_script(page, "insights-charts"))
    assert [len(s["data"]) for s in charts["rates"]["series"]] == [3] * 5  # Sep, Oct, Nov
    breakdowns = {b["by"]: b for b in response.context["breakdowns"]}
    assert {row["label"] for row in breakdowns["agent"]["rows"]} == {
        "North Service (Tabriz)",
        "South Service (Shiraz)",
    }
    assert {row["label"] for row in breakdowns["region"]["rows"]} == {"North", "South"}


def _script(page: str, element_id: str) -> str:
    start = page.index(f'id="{element_id}"')
    start = page.index(">", start) + 1
    return page[start : page.index("</script>", start)]


def test_every_figure_links_to_the_records_behind_it(world, served, login, manager):
    client = login(manager)
    page = client.get("/insights/", PERIOD)
    card = next(c for c in page.context["cards"] if c["kpi"].key == "first_time_fix_rate")
    listing = client.get(card["url"])
    assert listing.status_code == 200
    numbers = {row[0].number for row in listing.context["rows"]}
    first, second, old = served
    assert numbers == {first.number}  # the resolved one it is measured on; not June's
    export = client.get(card["url"] + "&export=csv")
    assert first.number in b"".join(export.streaming_content).decode()
    card = next(c for c in page.context["cards"] if c["kpi"].key == "mean_response_hours")
    listing = client.get(card["url"])
    assert {row[0].number for row in listing.context["rows"]} == {first.number, second.number}


def test_a_breakdown_row_links_to_its_own_records(world, served, login, manager):
    client = login(manager)
    page = client.get("/insights/", PERIOD)
    south = next(
        row
        for b in page.context["breakdowns"]
        if b["by"] == "agent"
        for row in b["rows"]
        if row["label"] == "South Service (Shiraz)"
    )
    text, __, url = south["cells"][0]  # first-time fix: not resolved yet
    assert text == "—"
    assert not client.get(url).context["rows"]  # nothing measured, as the figure says
    text, __, url = south["cells"][1]  # repeat visits: South's one visit
    assert len(client.get(url).context["rows"]) == 1


def test_a_period_that_ends_before_it_starts_is_refused(world, login, manager):
    response = login(manager).get("/insights/", {"start": "2026-10-10", "end": "2026-10-01"})
    assert response.status_code == 400
    assert "The period must end on or after its first day." in response.content.decode()


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.AGENT, Role.TECHNICIAN, Role.CUSTOMER])
def test_other_roles_do_not_find_the_dashboard(world, login, make_user, role):
    client = login(make_user(role, username=f"user-{role}"))
    assert client.get("/insights/").status_code == 404
    assert client.get("/insights/records/requests/", PERIOD).status_code == 404


def test_the_dashboard_speaks_persian(world, served, login, manager):
    client = login(manager)
    client.post("/language/", {"language": "fa", "next": "/insights/"})
    response = client.get("/insights/", {"start": "1405/06/10", "end": "1405/09/09"})
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
    assert response.context["scope"].start == dt.date(2026, 9, 1)


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        ("requests", 200),
        ("visits", 200),
        ("claims", 200),
        ("demand", 200),
        ("complaints", 200),
        ("responses", 200),
        ("colours", 404),
    ],
)
def test_each_kind_of_records_has_its_list(world, login, manager, kind, status):
    assert login(manager).get(f"/insights/records/{kind}/", PERIOD).status_code == status
