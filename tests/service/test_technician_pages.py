"""The dispatcher plans; the technician's phone page of today's visits and the visit page:
check in, diagnose, tick, add a part, photo, sign, close."""

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from aftersales.service.models import Visit
from tests.factories import FailureCodeFactory, PartFactory

from .factories import open_request, service_type, technician_with_login

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def planned(login, operator, dispatcher, owner, owned_unit, technician):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    login(operator).post(f"/service/requests/{request.pk}/triage/", {})
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    response = login(dispatcher).post(
        f"/service/requests/{request.pk}/plan/",
        {
            "technician": technician.pk,
            "window_start": start.strftime("%Y-%m-%dT%H:%M"),
            "window_end": (start + timezone.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    return Visit.objects.get()


def test_today_lists_the_technicians_visits(login, planned, technician):
    page = login(technician.user).get("/service/visits/today/").content.decode()
    assert planned.get_absolute_url() in page
    other = technician_with_login(username="other")
    assert (
        planned.get_absolute_url()
        not in login(other.user).get("/service/visits/today/").content.decode()
    )


def test_dispatcher_sees_the_visit_list(login, planned, dispatcher):
    assert planned.number in login(dispatcher).get("/service/visits/").content.decode()


def test_the_technician_works_the_visit(login, planned, technician, owner, stranger):
    client = login(technician.user)
    url = planned.get_absolute_url()
    assert 'id="check-in"' in client.get(url).content.decode()
    client.post(f"{url}check_in/", {"latitude": "35.700000", "longitude": "51.400000"})
    planned.refresh_from_db()
    assert planned.status == "on_site" and planned.latitude is not None
    code = FailureCodeFactory(code="NOCOOL")
    steps = service_type("repair").checklist
    client.post(
        f"{url}record/", {"diagnosis": "Gas leak", "failure_codes": [code.pk], "step_0": "on"}
    )
    planned.refresh_from_db()
    assert planned.checklist == {steps[0]: True, **dict.fromkeys(steps[1:], False)}
    part = PartFactory()
    client.post(f"{url}part/", {"part": part.pk, "quantity": 1})
    assert planned.parts.get().part == part
    client.post(f"{url}photo/", {"image": SimpleUploadedFile("a.png", _png(), "image/png")})
    photo = planned.photos.get()
    data_url = "data:image/png;base64," + base64.b64encode(_png()).decode()
    client.post(f"{url}sign/", {"signed_by": "Sara", "signature": data_url})
    client.post(f"{url}close/", {"result": "fixed", "labour_minutes": 40})
    planned.refresh_from_db()
    assert planned.status == "done" and planned.signed_by == "Sara"
    assert planned.request.status == "resolved"
    # the photo and signature are served to those who may see the visit, and no one else
    assert client.get(f"/service/photos/{photo.pk}/").status_code == 200
    assert login(owner.user).get(f"/service/photos/{photo.pk}/").status_code == 200
    assert login(owner.user).get(f"{url}signature/").status_code == 200
    assert login(stranger.user).get(f"/service/photos/{photo.pk}/").status_code == 404
    assert login(stranger.user).get(f"{url}signature/").status_code == 404


def test_another_technician_cannot_work_the_visit(login, planned):
    other = technician_with_login(username="other")
    login(other.user).post(f"{planned.get_absolute_url()}check_in/")
    planned.refresh_from_db()
    assert planned.status == "planned"


def test_a_bad_step_is_a_404(login, planned, technician):
    assert login(technician.user).post(f"{planned.get_absolute_url()}explode/").status_code == 404
