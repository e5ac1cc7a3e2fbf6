"""Policy list, detail and edit: managers and quality engineers edit, with an audit trail."""

import pytest
from auditlog.models import LogEntry

from aftersales.core.choices import Role


def test_the_policy_list_shows_policies(login, operator, ac_policy):
    page = login(operator).get("/warranty/")
    assert page.status_code == 200
    assert "AC 12 months" in page.content.decode()


def test_the_list_exports_csv(login, operator, ac_policy):
    response = login(operator).get("/warranty/?export=csv")
    assert response.status_code == 200
    assert b"AC 12 months" in b"".join(response.streaming_content)


@pytest.mark.parametrize("role", [Role.MANAGER, Role.QUALITY])
def test_managers_and_quality_edit_a_policy(login, make_user, ac_policy, role):
    client = login(make_user(role))
    response = client.post(
        f"/warranty/policies/{ac_policy.pk}/edit/",
        {
            "name": "AC 18 months",
            "category": ac_policy.category_id,
            "start_event": "sale",
            "months": "18",
            "usage_limit": "5000",
            "parts_pct": "100",
            "labour_pct": "100",
            "travel_pct": "50",
            "exclusions": ["misuse", "accident"],
            "transferable": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    ac_policy.refresh_from_db()
    assert (ac_policy.months, ac_policy.exclusions) == (18, ["misuse", "accident"])
    assert LogEntry.objects.get_for_object(ac_policy).filter(action=1).exists()
    detail = client.get(f"/warranty/policies/{ac_policy.pk}/").content.decode()
    assert "AC 18 months" in detail


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.AGENT, Role.CUSTOMER])
def test_other_roles_cannot_edit(login, make_user, ac_policy, role):
    client = login(make_user(role))
    assert client.get(f"/warranty/policies/{ac_policy.pk}/edit/").status_code == 404
    assert client.get("/warranty/policies/new/").status_code == 404


def test_a_policy_needs_a_model_or_a_category(login, manager, ac_policy):
    response = login(manager).post(
        "/warranty/policies/new/",
        {
            "name": "Nothing",
            "start_event": "sale",
            "months": "12",
            "parts_pct": "100",
            "labour_pct": "100",
            "travel_pct": "100",
        },
    )
    assert response.status_code == 400
    assert "either a product model or a category" in response.content.decode()


def test_the_legal_minimums_page_lists_sources(login, operator, db):
    from aftersales.warranty.defaults import load_defaults

    load_defaults()
    html = login(operator).get("/warranty/legal/").content.decode()
    assert "Codice del Consumo" in html
    assert "1388" in html
