"""Every write of the incoming e-mail: receiving a message (once per Message-ID, threaded to the
request it names when its customer wrote it), attaching it to a request, turning it into a new
request, ignoring it. The photos a message brings become photos of the request it goes to."""

import datetime as dt
import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image

from aftersales.core.models import User
from aftersales.customers.selectors import customer_by_email
from aftersales.service import services as service_services
from aftersales.service.choices import Channel
from aftersales.service.forms import PHOTO_MAX_MB
from aftersales.service.models import ServiceRequest

from .choices import MessageStatus
from .models import InboundAttachment, InboundMessage
from .parsing import ParsedMessage, parse_message, request_numbers

MAX_ATTACHMENTS = 10  # files kept per message
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024  # a larger file is not kept
MAX_KEPT_BYTES = 25 * 1024 * 1024  # a larger message keeps its text only
OPEN_TO_ACTION = (MessageStatus.NEW, MessageStatus.IGNORED)
# the images that become photos of the request: what a camera or a phone's screenshot gives and
# every browser shows (Pillow reads no HEIC here, so an iPhone's HEIC stays an attachment)
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png"}


def message_receive(
    *, raw: bytes, source: str, at: dt.datetime | None = None
) -> tuple[InboundMessage, bool]:
    """Store the message `raw` (its bytes) once: the second time the same Message-ID comes, the
    stored one is returned with False. The sender is matched to a customer by e-mail; a message
    naming a request (in its subject, In-Reply-To or References) from that request's customer is
    attached to it, from anyone else it waits for the desk with the request suggested."""
    parsed = parse_message(raw)
    existing = InboundMessage.objects.filter(message_id=parsed.message_id).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return _store(parsed, raw, source=source, at=timezone.now() if at is None else at), True
    except IntegrityError:
        # the same message received by another process at the same moment
        return InboundMessage.objects.get(message_id=parsed.message_id), False


def _store(parsed: ParsedMessage, raw: bytes, *, source: str, at: dt.datetime) -> InboundMessage:
    message = InboundMessage(
        message_id=parsed.message_id,
        from_address=parsed.from_address,
        from_name=parsed.from_name,
        to=parsed.to,
        subject=parsed.subject,
        body=parsed.body,
        from_html=parsed.from_html,
        sent_at=parsed.sent_at,
        received_at=at,
        raw_size=parsed.size,
        source=source,
        customer=customer_by_email(parsed.from_address),
    )
    _thread(message, parsed, at=at)
    whole = parsed.size <= MAX_KEPT_BYTES
    if whole:
        message.raw.save(f"{uuid.uuid4().hex}.eml", ContentFile(raw), save=False)
    files = [attachment for attachment in parsed.attachments if attachment.data]
    kept = [
        attachment for attachment in files if whole and len(attachment.data) <= MAX_ATTACHMENT_BYTES
    ][:MAX_ATTACHMENTS]
    message.skipped_attachments = len(files) - len(kept)
    message.save()
    for attachment in kept:
        record = InboundAttachment(
            message=message,
            filename=attachment.filename,
            content_type=attachment.content_type[:100],
            size=len(attachment.data),
        )
        name = get_valid_filename(attachment.filename.replace("/", "_")) or "attachment"
        record.file.save(name[-100:], ContentFile(attachment.data), save=False)
        record.save()
    if message.request is not None:  # a reply threaded to its request by itself
        _photos_to_request(message, by=None)
    return message


def _thread(message: InboundMessage, parsed: ParsedMessage, *, at: dt.datetime) -> None:
    """The request the message names: attached when its customer wrote, suggested otherwise."""
    numbers = request_numbers(parsed.subject, *parsed.references)
    if not numbers:
        return
    found = {
        request.number: request
        for request in ServiceRequest.objects.filter(number__in=numbers).select_related("customer")
    }
    request = next((found[number] for number in numbers if number in found), None)
    if request is None:
        return
    customer_email = (request.customer.email or "").strip().lower()
    if customer_email and customer_email == message.from_address:
        message.status = MessageStatus.ATTACHED
        message.request = request
        message.attached_automatically = True
        message.handled_at = at
        if message.customer is None:
            message.customer = request.customer
    else:
        message.suggested_request = request


def _photo_format(data: bytes) -> str | None:
    """The extension of a JPEG or PNG image Pillow can read whole; None for anything else."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            found = image.format
            image.verify()
    except Exception:  # noqa: BLE001 - not an image, a truncated one, a decompression bomb
        return None
    return PHOTO_FORMATS.get(found)


def _photos_to_request(message: InboundMessage, *, by: User | None) -> int:
    """Each JPEG or PNG attached to `message` (the message locked, its request set) within the
    photo size limit becomes a photo of its request, once: an attachment that already became
    one is skipped. Other files stay attachments of the message. Returns how many were added."""
    added = 0
    limit = PHOTO_MAX_MB * 1024 * 1024
    for attachment in message.attachments.filter(photo__isnull=True, size__lte=limit):
        with attachment.file.open("rb") as file:
            data = file.read()
        extension = _photo_format(data)
        if extension is None:
            continue
        stem = get_valid_filename(attachment.filename.rsplit(".", 1)[0]) or "photo"
        attachment.photo = service_services.request_add_photo(
            request=message.request,
            image=ContentFile(data, name=f"{stem[:80]}.{extension}"),
            by=by,
            caption=attachment.filename,
        )
        attachment.save(update_fields=["photo"])
        added += 1
    return added


@transaction.atomic
def message_photos_to_request(*, message: InboundMessage, by: User | None) -> int:
    """Make the images of a message that went to a request photos of that request (those not
    made already: safe to call again, e.g. for mail attached before photos were copied)."""
    message = _lock(message)
    if message.request is None:
        return 0
    return _photos_to_request(message, by=by)


def _lock(message: InboundMessage) -> InboundMessage:
    return InboundMessage.objects.select_for_update().get(pk=message.pk)


def _still_open(message: InboundMessage) -> None:
    if message.status not in OPEN_TO_ACTION:
        raise ValidationError(
            _("This e-mail has already gone to request %(number)s.")
            % {"number": message.request.number if message.request else "—"}
        )


@transaction.atomic
def message_attach(
    *, message: InboundMessage, request: ServiceRequest, by: User | None
) -> InboundMessage:
    """Put the message on a request's page (the desk confirms a suggestion, or chooses one)."""
    message = _lock(message)
    _still_open(message)
    message.status = MessageStatus.ATTACHED
    message.request = request
    message.suggested_request = None
    message.attached_automatically = False
    message.handled_by = by
    message.handled_at = timezone.now()
    message.save()
    _photos_to_request(message, by=by)
    return message


@transaction.atomic
def message_ignore(*, message: InboundMessage, by: User | None) -> InboundMessage:
    """Set aside a message that needs nothing (spam, an auto-reply, a thank-you)."""
    message = _lock(message)
    if message.status != MessageStatus.NEW:
        raise ValidationError(_("Only a new e-mail can be ignored."))
    message.status = MessageStatus.IGNORED
    message.handled_by = by
    message.handled_at = timezone.now()
    message.save()
    return message


@transaction.atomic
def message_open_request(
    *,
    message: InboundMessage,
    by: User | None,
    customer,
    service_type,
    description: str,
    channel: str = Channel.EMAIL,
    **request_fields,
) -> ServiceRequest:
    """Open a service request from the message (through `service.services.request_open`) and
    link the message to it; the message's customer becomes the request's when it had none."""
    message = _lock(message)
    _still_open(message)
    request = service_services.request_open(
        by=by,
        customer=customer,
        service_type=service_type,
        channel=channel,
        description=description,
        **request_fields,
    )
    message.status = MessageStatus.OPENED
    message.request = request
    message.suggested_request = None
    message.customer = message.customer or customer
    message.handled_by = by
    message.handled_at = timezone.now()
    message.save()
    _photos_to_request(message, by=by)
    return request
