"""Staff note customers' needs and ideas (R8.2); R&D answers; an agent sees only its own."""

import pytest

from aftersales.quality.models import CustomerNeed

pytestmark = pytest.mark.django_db


def test_a_technician_notes_an_idea_and_quality_answers(login, make_user, quality, ac_model):
    technician = make_user("technician", username="tech1")
    client = login(technician)
    response = client.post(
        "/quality/needs/new/",
        {"summary": "", "kind": "idea", "audience": "rnd"},
    )
    assert response.status_code == 400 and not CustomerNeed.objects.exists()
    response = client.post(
        "/quality/needs/new/",
        {
            "summary": "A remote with bigger buttons for elderly owners",
            "kind": "idea",
            "audience": "rnd",
            "product_model": ac_model.pk,
        },
    )
    assert response.status_code == 302
    need = CustomerNeed.objects.get()
    assert need.noted_by == technician and need.category == ac_model.category
    assert (
        client.post(f"/quality/needs/{need.pk}/review/", {"status": "accepted"}).status_code == 404
    )
    reviewer = login(quality)
    response = reviewer.post(f"/quality/needs/{need.pk}/review/", {"status": "declined"})
    assert response.status_code == 400
    assert "Say why it is declined." in response.content.decode()
    response = reviewer.post(
        f"/quality/needs/{need.pk}/review/", {"status": "accepted", "response": "In the 2027 range"}
    )
    need.refresh_from_db()
    assert response.status_code == 302 and need.status == "accepted"
    listing = reviewer.get("/quality/needs/", {"q": "remote"}).content.decode()
    assert "bigger buttons" in listing


def test_an_agent_sees_only_what_its_staff_noted(login, make_user, agent, other_agent):
    mine = make_user("agent", username="mine", agent=agent)
    theirs = make_user("agent", username="theirs", agent=other_agent)
    login(mine).post(
        "/quality/needs/new/", {"summary": "Ours", "kind": "need", "audience": "market"}
    )
    login(theirs).post(
        "/quality/needs/new/", {"summary": "Theirs", "kind": "need", "audience": "market"}
    )
    ours = CustomerNeed.objects.get(summary="Ours")
    theirs_need = CustomerNeed.objects.get(summary="Theirs")
    client = login(mine)
    html = client.get("/quality/needs/").content.decode()
    assert "Ours" in html and "Theirs" not in html
    assert client.get(f"/quality/needs/{ours.pk}/").status_code == 200
    assert client.get(f"/quality/needs/{theirs_need.pk}/").status_code == 404
