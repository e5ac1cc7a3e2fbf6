"""The quality pages work for a quality engineer, and other roles get a 404 (not a page)."""

import datetime as dt

import pytest

from aftersales.quality import services
from aftersales.quality.choices import CapaSource
from aftersales.quality.models import CorrectiveAction

from .conftest import make_claims, make_units

pytestmark = pytest.mark.django_db

ANALYTICS = ["/quality/", "/quality/matrix/", "/quality/reliability/", "/quality/warnings/"]


@pytest.fixture
def fleet(ac_model, compressor, fan_part):
    units = make_units(ac_model, count=200, produced=dt.date(2025, 1, 10))
    pairs = [
        (u, dt.date(2025, 1, 25) + dt.timedelta(days=17 * i)) for i, u in enumerate(units[:30])
    ]
    make_claims(pairs, codes=[compressor], part=fan_part)
    return units


@pytest.mark.parametrize("url", ANALYTICS)
def test_analytics_pages_open_for_quality(login, quality, fleet, url):
    response = login(quality).get(url)
    assert response.status_code == 200
    assert "Corrective actions" in response.content.decode()  # the quality tabs


@pytest.mark.parametrize("url", ANALYTICS)
def test_analytics_are_404_for_other_roles(login, make_user, agent, url):
    for user in (
        make_user("operator", username="op"),
        make_user("agent", username="ag", agent=agent),
    ):
        assert login(user).get(url).status_code == 404


@pytest.mark.parametrize("url", ["/quality/actions/", "/quality/processes/"])
def test_staff_read_actions_and_processes_an_agent_does_not(login, make_user, agent, url):
    assert login(make_user("operator", username="op")).get(url).status_code == 200
    assert login(make_user("agent", username="ag", agent=agent)).get(url).status_code == 404


def test_pareto_page_draws_charts(login, quality, fleet, ac_model):
    html = login(quality).get("/quality/", {"product_model": ac_model.pk}).content.decode()
    assert 'data-chart="chart-codes"' in html and 'id="chart-codes"' in html
    assert "D-COMP" in html and "FAN-1" in html
    assert "chart.umd.min.js" in html


def test_a_bad_period_is_refused_in_words(login, quality, fleet):
    response = login(quality).get("/quality/", {"start": "2025-05-01", "end": "2025-01-01"})
    assert "The period cannot end before it starts." in response.content.decode()


def test_reliability_page_shows_the_fit_and_forecast(login, quality, fleet, ac_model):
    html = (
        login(quality).get("/quality/reliability/", {"product_model": ac_model.pk}).content.decode()
    )
    assert 'id="shape"' in html and 'id="b10"' in html and 'id="forecast"' in html
    assert "30 failures among 200 units" in html


def test_reliability_without_failures_says_so(login, quality, ac_model):
    make_units(ac_model, count=5, produced=dt.date(2025, 1, 10))
    html = (
        login(quality).get("/quality/reliability/", {"product_model": ac_model.pk}).content.decode()
    )
    assert 'id="no-fit"' in html


def test_reliability_page_in_persian(login, quality, fleet, ac_model):
    client = login(quality)
    client.post("/language/", {"language": "fa", "next": "/"})
    response = client.get("/quality/reliability/", {"product_model": ac_model.pk})
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_capa_list_export_and_search(login, quality, ac_model):
    services.capa_open(by=quality, title="Noisy fans", source=CapaSource.OTHER, problem="p")
    services.capa_open(by=quality, title="Leaking pipes", source=CapaSource.OTHER, problem="p")
    client = login(quality)
    html = client.get("/quality/actions/", {"q": "fans"}).content.decode()
    assert "Noisy fans" in html and "Leaking pipes" not in html
    csv = client.get("/quality/actions/", {"export": "csv"})
    assert csv.status_code == 200 and b"Leaking pipes" in b"".join(csv.streaming_content)
    xlsx = client.get("/quality/actions/", {"export": "xlsx"})
    body = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    assert xlsx.status_code == 200 and body[:2] == b"PK"


def test_opening_a_capa_by_the_form(login, quality, ac_model):
    client = login(quality)
    response = client.post(
        "/quality/actions/new/",
        {"title": "", "kind": "corrective", "source": "other", "problem": ""},
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not CorrectiveAction.objects.exists()
    response = client.post(
        "/quality/actions/new/",
        {
            "title": "Fan noise",
            "kind": "corrective",
            "source": "other",
            "problem": "Fans rattle",
            "product_model": ac_model.pk,
            "due_date": "2020-01-01",
        },
    )
    assert response.status_code == 400
    assert "The due date cannot be in the past." in response.content.decode()
    response = client.post(
        "/quality/actions/new/",
        {"title": "Fan noise", "kind": "corrective", "source": "other", "problem": "Fans rattle"},
    )
    capa = CorrectiveAction.objects.get()
    assert response.status_code == 302 and response.url == capa.get_absolute_url()
    page = client.get(capa.get_absolute_url()).content.decode()
    assert capa.number in page and 'id="plan"' in page


def test_planning_and_verifying_by_the_pages(login, quality, fleet, ac_model):
    capa = services.capa_open(
        by=quality, title="Seizures", source=CapaSource.OTHER, problem="p", product_model=ac_model
    )
    client = login(quality)
    response = client.post(
        f"/quality/actions/{capa.pk}/edit/",
        {
            "title": "Seizures",
            "kind": "corrective",
            "product_model": ac_model.pk,
            "root_cause_category": "material",
            "root_cause": "Thin valve plates",
            "production_action": "Change supplier",
            "owner": quality.pk,
            "due_date": (dt.date.today() + dt.timedelta(days=9)).isoformat(),
            "effective_date": "2025-01-01",
            "window_months": 12,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    capa.refresh_from_db()
    assert capa.status == "implemented"
    response = client.post(f"/quality/actions/{capa.pk}/verify/")
    assert response.status_code == 302
    capa.refresh_from_db()
    assert capa.verdict == "too_early"  # every unit was made before the change
    assert 'id="verdict"' in client.get(capa.get_absolute_url()).content.decode()


def test_a_technician_may_read_a_capa_but_not_change_it(login, quality, make_user):
    capa = services.capa_open(by=quality, title="t", source=CapaSource.OTHER, problem="p")
    technician = make_user("technician", username="tech1")
    client = login(technician)
    assert client.get(capa.get_absolute_url()).status_code == 200
    assert client.get(f"/quality/actions/{capa.pk}/edit/").status_code == 404
    assert client.post(f"/quality/actions/{capa.pk}/verify/").status_code == 404


def test_list_filters_answer_htmx_with_the_results_only(login, quality):
    services.capa_open(by=quality, title="Noisy fans", source=CapaSource.OTHER, problem="p")
    response = login(quality).get("/quality/actions/", {"q": "fans"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "Noisy fans" in html
    assert "<html" not in html and "nav-pills" not in html


def test_matrix_in_persian_shows_jalali_months(login, quality, fleet, ac_model):
    client = login(quality)
    client.post("/language/", {"language": "fa", "next": "/"})
    html = client.get("/quality/matrix/", {"product_model": ac_model.pk}).content.decode()
    assert "۱۴۰۳/۱۰/۱۲" in html  # 2025-01-01, the production month's first day
