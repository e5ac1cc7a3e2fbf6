"""Managers and quality edit legal minimums and standard times on their pages, audited."""

import pytest
from auditlog.models import LogEntry

from aftersales.core.choices import Role
from aftersales.warranty.models import LegalMinimum, StandardTime
from tests.factories import CategoryFactory, FailureCodeFactory


@pytest.fixture
def iran(db):
    return LegalMinimum.objects.create(country="IR", months=24, commitment_years=10, source="law")


def _legal_data(**extra):
    data = {
        "country": "IR",
        "category": "",
        "months": "24",
        "presumption_months": "0",
        "commitment_years": "10",
        "parts_pct": "100",
        "labour_pct": "100",
        "travel_pct": "100",
        "survives_transfer": "on",
        "source": "law",
    }
    data.update(extra)
    return data


def test_quality_edits_a_legal_minimum_and_the_change_is_audited(login, make_user, iran):
    client = login(make_user(Role.QUALITY, username="qa"))
    assert "Edit" in client.get("/warranty/legal/").content.decode()
    response = client.post(f"/warranty/legal/{iran.pk}/edit/", _legal_data(months="18"))
    assert response.status_code == 302
    iran.refresh_from_db()
    assert iran.months == 18
    assert (
        LogEntry.objects.get_for_object(iran).count() >= 2
    )  # created + changed, by django-auditlog
    page = client.get(f"/warranty/legal/{iran.pk}/edit/").content.decode()
    assert "18" in page


def test_a_second_default_for_the_same_country_is_refused(login, manager, iran):
    category = CategoryFactory(code="wm")
    client = login(manager)
    other = LegalMinimum.objects.create(country="IR", category=category, months=24)
    response = client.post(f"/warranty/legal/{other.pk}/edit/", _legal_data())
    assert response.status_code == 400
    assert "already has a legal minimum" in response.content.decode()


def test_a_category_minimum_is_created(login, manager, iran):
    category = CategoryFactory(code="ac")
    response = login(manager).post(
        "/warranty/legal/new/", _legal_data(category=category.pk, months="30")
    )
    assert response.status_code == 302
    assert LegalMinimum.objects.get(category=category).months == 30


def test_operators_and_agents_may_not_edit(login, operator, agent_user, iran):
    for user in (operator, agent_user):
        client = login(user)
        assert client.get(f"/warranty/legal/{iran.pk}/edit/").status_code == 404
        assert client.get("/warranty/legal/new/").status_code == 404


def test_standard_times_are_set_and_edited(login, manager, operator):
    code = FailureCodeFactory(code="E9")
    client = login(manager)
    response = client.post("/warranty/standard-times/", {"failure_code": code.pk, "minutes": "60"})
    assert response.status_code == 302
    standard = StandardTime.objects.get()
    assert standard.minutes == 60
    response = client.post(f"/warranty/standard-times/{standard.pk}/edit/", {"minutes": "45"})
    assert response.status_code == 302
    standard.refresh_from_db()
    assert standard.minutes == 45
    assert LogEntry.objects.get_for_object(standard).count() == 2
    assert (
        client.post(
            "/warranty/standard-times/", {"failure_code": code.pk, "minutes": "0"}
        ).status_code
        == 400
    )
    reader = login(operator)
    assert "E9" in reader.get("/warranty/standard-times/").content.decode()
    assert (
        reader.post(
            "/warranty/standard-times/", {"failure_code": code.pk, "minutes": "5"}
        ).status_code
        == 404
    )
    assert reader.get(f"/warranty/standard-times/{standard.pk}/edit/").status_code == 404
