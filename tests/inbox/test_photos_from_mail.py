"""The JPEG and PNG images a customer's e-mail brings become photos of the request it goes to
(opened from it, attached by the desk, or threaded by itself), once; the desk and the technician
see them on the request's and the visit's pages. Other files stay attachments of the message."""

import email.message
import email.policy
import email.utils
import io

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from PIL import Image

from aftersales.inbox import services
from aftersales.service.models import RequestPhoto
from tests.factories import AddressFactory
from tests.service.factories import (
    open_request,
    scheduled_visit,
    service_type,
    technician_with_login,
)

pytestmark = pytest.mark.django_db


def _image(kind: str, colour="red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, kind)
    return out.getvalue()


def _mail(*, subject="The washing machine leaks", message_id=None) -> bytes:
    """A customer's message with a JPEG, a PNG sent as octet-stream, a PDF, a GIF, and a file
    that says it is a JPEG but is not one."""
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    message["From"] = "Sara <sara.karimi@example.ir>"
    message["To"] = "service@aftersales.example"
    message["Subject"] = subject
    message["Date"] = email.utils.formatdate()
    message["Message-ID"] = message_id or email.utils.make_msgid(domain="example.ir")
    message.set_content("Water under the machine, photos attached.")
    message.add_attachment(_image("JPEG"), "image", "jpeg", filename="leak.jpg")
    message.add_attachment(
        _image("PNG", "blue"), "application", "octet-stream", filename="IMG_0042.png"
    )
    message.add_attachment(b"%PDF-1.4 receipt", "application", "pdf", filename="receipt.pdf")
    message.add_attachment(_image("GIF"), "image", "gif", filename="smile.gif")
    message.add_attachment(b"not a photo at all", "image", "jpeg", filename="broken.jpg")
    return message.as_bytes()


@pytest.fixture
def request_of_owner(operator, customer_mail, owned_unit, service_data):
    return open_request(by=operator, customer=customer_mail, unit=owned_unit)


def _photos_of(request) -> list[tuple[str, str]]:
    return [
        (photo.caption, Image.open(photo.image.open("rb")).format)
        for photo in RequestPhoto.objects.filter(request=request)
    ]


def test_a_request_opened_from_the_mail_gets_its_photos(
    operator, customer_mail, owned_unit, service_data
):
    message, _created = services.message_receive(raw=_mail(), source="webhook")
    request = services.message_open_request(
        message=message,
        by=operator,
        customer=customer_mail,
        service_type=service_type("repair"),
        description=message.body,
        unit=owned_unit,
        address=AddressFactory(customer=customer_mail),
    )
    assert _photos_of(request) == [("leak.jpg", "JPEG"), ("IMG_0042.png", "PNG")]
    photo = request.photos.first()
    assert photo.uploaded_by == operator
    kept = {a.filename: a.photo_id for a in message.attachments.all()}
    assert kept["leak.jpg"] and kept["IMG_0042.png"]  # the photo each became
    assert not (kept["receipt.pdf"] or kept["smile.gif"] or kept["broken.jpg"])
    assert message.attachments.count() == 5  # every file still on the message
    created = LogEntry.objects.get_for_object(photo).get()
    assert created.action == LogEntry.Action.CREATE


def test_attached_to_a_request_the_photos_come_once(operator, request_of_owner):
    raw = _mail(subject="More about my machine")
    message, _created = services.message_receive(raw=raw, source="maildir")
    assert message.status == "new" and not request_of_owner.photos.exists()
    services.message_attach(message=message, request=request_of_owner, by=operator)
    assert len(_photos_of(request_of_owner)) == 2
    # attaching it again is refused, and copying again adds nothing
    with pytest.raises(ValidationError):
        services.message_attach(message=message, request=request_of_owner, by=operator)
    assert services.message_photos_to_request(message=message, by=operator) == 0
    # the same message delivered again (webhook after the mailbox) is not stored again
    assert services.message_receive(raw=raw, source="webhook")[1] is False
    assert request_of_owner.photos.count() == 2
    assert (
        LogEntry.objects.filter(
            content_type__model="inboundattachment", action=LogEntry.Action.UPDATE
        ).count()
        == 2
    )  # each image's link to its photo, audited


def test_a_reply_threaded_by_itself_brings_its_photos(request_of_owner):
    raw = _mail(subject=f"Re: Your service request {request_of_owner.number}")
    message, _created = services.message_receive(raw=raw, source="webhook")
    assert message.status == "attached" and message.request == request_of_owner
    assert [caption for caption, _format in _photos_of(request_of_owner)] == [
        "leak.jpg",
        "IMG_0042.png",
    ]
    assert request_of_owner.photos.first().uploaded_by is None
    services.message_receive(raw=raw, source="maildir")
    assert request_of_owner.photos.count() == 2


def test_desk_technician_and_customer_see_them_others_do_not(
    login, operator, owner, stranger, agent, request_of_owner, make_user, other_agent
):
    message, _created = services.message_receive(raw=_mail(), source="webhook")
    services.message_attach(message=message, request=request_of_owner, by=operator)
    photo = request_of_owner.photos.first()
    url = f"/service/requests/photos/{photo.pk}/"
    page = login(operator).get(request_of_owner.get_absolute_url()).content.decode()
    assert 'id="request-photos"' in page and url in page
    files = {a.filename: a.get_absolute_url() for a in message.attachments.all()}
    assert files["leak.jpg"] not in page  # not shown twice: once as a photo
    assert files["receipt.pdf"] in page and files["smile.gif"] in page  # still the e-mail's
    message_page = login(operator).get(message.get_absolute_url()).content.decode()
    assert message_page.count("photo-of-request") == 2
    technician = technician_with_login(agent=agent)
    visit = scheduled_visit(request=request_of_owner, technician=technician, by=operator)
    tech = login(technician.user)
    assert url in tech.get(visit.get_absolute_url()).content.decode()
    shown = tech.get(url)
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    outsider = make_user("technician", username="outsider", agent=other_agent)
    assert login(outsider).get(url).status_code == 404
    # the customer who sent them sees them on their request's page; another customer does not
    customer = login(owner.user)
    portal = customer.get(f"/service/my/{request_of_owner.pk}/").content.decode()
    assert 'id="request-photos"' in portal and url in portal
    assert customer.get(url).status_code == 200
    assert login(stranger.user).get(url).status_code == 404
