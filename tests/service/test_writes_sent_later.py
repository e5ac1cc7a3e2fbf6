"""Writes made on the visit page without signal and sent later by the phone's outbox: each is done
exactly once (its idempotency key, core.IdempotencyRecord), check-in and check-out keep the time
the technician pressed them ("as of", validated), and a write the server refuses says why in the
outbox's JSON answer (docs/service.md, "Working without signal")."""

import datetime as dt
import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from aftersales.core.models import IdempotencyRecord
from aftersales.service import services
from aftersales.service.models import VisitPart, VisitPhoto
from tests.factories import PartFactory

from .factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(operator, owner, owned_unit, technician):
    opened = timezone.now() - dt.timedelta(hours=3)
    request = open_request(by=operator, customer=owner, unit=owned_unit, at=opened)
    return scheduled_visit(request=request, technician=technician, by=operator)


def _outbox(client, user, url, data, key=None):
    """A write as the phone's outbox sends it."""
    headers = {"X-Aftersales-Outbox": str(user.pk)}
    if key:
        headers["Idempotency-Key"] = key
    return client.post(url, data, headers=headers)


def _iso(when):
    return when.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_check_in_sent_twice_with_its_key_is_done_once_at_the_time_pressed(
    login, technician, visit
):
    client = login(technician.user)
    key = str(uuid.uuid4())
    pressed = timezone.now() - dt.timedelta(minutes=40)
    url = f"{visit.get_absolute_url()}check_in/"
    first = _outbox(client, technician.user, url, {"as_of": _iso(pressed)}, key)
    assert first.json()["state"] == "done", first.json()
    assert first.status_code == 200
    visit.refresh_from_db()
    assert visit.status == "on_site"
    assert abs(visit.checked_in_at - pressed) < dt.timedelta(seconds=1)

    again = _outbox(client, technician.user, url, {"as_of": _iso(pressed)}, key)
    assert again.status_code == 200
    assert again.json() == {
        "state": "done",
        "message": "This change was already saved.",
        "replayed": True,
    }
    assert IdempotencyRecord.objects.filter(user=technician.user, key=key).count() == 1


def test_a_part_and_a_photo_sent_again_are_added_once(login, technician, visit):
    services.visit_check_in(visit=visit, by=technician.user)
    client = login(technician.user)
    part = PartFactory()
    part_key, photo_key = str(uuid.uuid4()), str(uuid.uuid4())
    for _attempt in range(2):
        response = _outbox(
            client,
            technician.user,
            f"{visit.get_absolute_url()}part/",
            {"part": part.pk, "quantity": 2, "csrfmiddlewaretoken": str(uuid.uuid4())},
            part_key,
        )
        assert response.json()["state"] == "done"
        # a multipart body differs on every send (its boundary): the fingerprint does not
        photo = SimpleUploadedFile("leak.png", _png(), content_type="image/png")
        response = _outbox(
            client,
            technician.user,
            f"{visit.get_absolute_url()}photo/",
            {"image": photo, "caption": "Leak"},
            photo_key,
        )
        assert response.json()["state"] == "done"
    assert VisitPart.objects.filter(visit=visit).count() == 1
    assert VisitPhoto.objects.filter(visit=visit).count() == 1


def test_the_key_also_works_as_a_form_field_on_an_ordinary_post(login, technician, visit):
    """Online, the page's forms carry a fresh key: a double tap records one part."""
    services.visit_check_in(visit=visit, by=technician.user)
    client = login(technician.user)
    part = PartFactory()
    data = {"part": part.pk, "quantity": 1, "idempotency_key": str(uuid.uuid4())}
    first = client.post(f"{visit.get_absolute_url()}part/", data, follow=True)
    assert "Saved." in first.content.decode()
    second = client.post(f"{visit.get_absolute_url()}part/", data, follow=True)
    assert "This change was already saved." in second.content.decode()
    assert VisitPart.objects.filter(visit=visit).count() == 1


def test_the_same_key_for_a_different_write_is_refused(login, technician, visit):
    services.visit_check_in(visit=visit, by=technician.user)
    client = login(technician.user)
    key = str(uuid.uuid4())
    url = f"{visit.get_absolute_url()}record/"
    _outbox(client, technician.user, url, {"diagnosis": "Gas leak"}, key)
    response = _outbox(client, technician.user, url, {"diagnosis": "Something else"}, key)
    assert response.status_code == 422
    assert response.json()["state"] == "refused"
    visit.refresh_from_db()
    assert visit.diagnosis == "Gas leak"


def test_a_refused_write_leaves_its_key_free(login, technician, visit):
    """Not checked in yet: the diagnosis is refused, nothing is stored under its key."""
    client = login(technician.user)
    key = str(uuid.uuid4())
    response = _outbox(
        client, technician.user, f"{visit.get_absolute_url()}record/", {"diagnosis": "x"}, key
    )
    assert response.status_code == 409
    assert response.json() == {
        "state": "refused",
        "message": "Check in before recording the visit.",
    }
    assert not IdempotencyRecord.objects.filter(key=key).exists()


def test_a_write_to_a_visit_cancelled_meanwhile_is_refused_with_the_reason(
    login, technician, visit, operator
):
    services.visit_cancel(visit=visit, by=operator)
    client = login(technician.user)
    response = _outbox(
        client,
        technician.user,
        f"{visit.get_absolute_url()}check_in/",
        {"as_of": _iso(timezone.now())},
        str(uuid.uuid4()),
    )
    assert response.status_code == 409
    assert response.json() == {"state": "refused", "message": "This visit was cancelled."}
    visit.refresh_from_db()
    assert visit.status == "cancelled"


def test_a_write_to_a_visit_reassigned_meanwhile_is_refused(login, technician, visit):
    other = technician_with_login(username="other")
    visit.technician = other
    visit.save(update_fields=["technician"])
    response = _outbox(
        login(technician.user), technician.user, f"{visit.get_absolute_url()}check_in/", {}
    )
    assert response.status_code == 404
    assert response.json()["state"] == "refused"
    assert "no longer yours" in response.json()["message"]


def test_another_users_write_waits_for_that_users_session(login, technician, visit):
    """A write kept on a shared phone for one technician is not sent in another's session."""
    other = technician_with_login(username="other")
    response = _outbox(
        login(other.user), technician.user, f"{visit.get_absolute_url()}check_in/", {}
    )
    assert response.status_code == 409
    assert response.json() == {"state": "wait"}
    visit.refresh_from_db()
    assert visit.status == "planned"


@pytest.mark.parametrize(
    ("offset", "message"),
    [
        (dt.timedelta(hours=1), "The time of the change is in the future."),
        (-dt.timedelta(hours=49), "The change was made more than 48 hours ago: enter it again."),
    ],
)
def test_the_as_of_time_of_a_check_in_is_validated(login, technician, visit, offset, message):
    client = login(technician.user)
    response = _outbox(
        client,
        technician.user,
        f"{visit.get_absolute_url()}check_in/",
        {"as_of": _iso(timezone.now() + offset)},
        str(uuid.uuid4()),
    )
    assert response.status_code == 409
    assert response.json() == {"state": "refused", "message": message}
    visit.refresh_from_db()
    assert visit.status == "planned" and visit.checked_in_at is None


def test_an_as_of_that_is_not_a_time_is_refused_on_the_page(login, technician, visit):
    client = login(technician.user)
    response = client.post(
        f"{visit.get_absolute_url()}check_in/", {"as_of": "yesterday-ish"}, follow=True
    )
    assert "The time of the change is not a valid time." in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == "planned"


def test_a_check_out_cannot_be_before_the_check_in(login, technician, visit):
    checked_in = timezone.now() - dt.timedelta(hours=1)
    services.visit_check_in(visit=visit, by=technician.user, at=checked_in)
    client = login(technician.user)
    data = {"result": "fixed", "labour_minutes": 30}
    early = {**data, "as_of": _iso(timezone.now() - dt.timedelta(hours=2))}
    response = _outbox(client, technician.user, f"{visit.get_absolute_url()}close/", early)
    assert response.json() == {
        "state": "refused",
        "message": "The time of the change is before the visit's previous step.",
    }
    pressed = timezone.now() - dt.timedelta(seconds=30)
    ok = {**data, "as_of": _iso(pressed)}
    response = _outbox(client, technician.user, f"{visit.get_absolute_url()}close/", ok)
    assert response.json()["state"] == "done"
    visit.refresh_from_db()
    assert visit.status == "done"
    assert abs(visit.checked_out_at - pressed) < dt.timedelta(seconds=1)


def test_a_planned_visit_carries_its_field_forms_hidden_for_the_technician(
    login, technician, visit, operator
):
    page = login(technician.user).get(visit.get_absolute_url()).content.decode()
    assert '<div id="on-site-forms" hidden data-after-check-in>' in page
    assert 'id="record"' in page
    desk = login(operator).get(visit.get_absolute_url()).content.decode()
    assert 'id="record"' not in desk
