"""What the inbox API reads and answers."""

import datetime as dt

from ninja import Field, Schema


class AttachmentOut(Schema):
    id: int
    filename: str
    content_type: str
    size: int


class MessageOut(Schema):
    id: int
    message_id: str
    from_address: str
    from_name: str
    to: str
    subject: str
    body: str
    from_html: bool
    sent_at: dt.datetime | None
    received_at: dt.datetime
    raw_size: int
    source: str
    status: str
    customer_id: int | None
    request_id: int | None
    suggested_request_id: int | None
    attached_automatically: bool
    handled_by_id: int | None
    handled_at: dt.datetime | None
    skipped_attachments: int
    attachments: list[AttachmentOut]


class AttachIn(Schema):
    request_number: str = Field(description="The request's number, e.g. `SR-2026-000123`.")


class OpenRequestIn(Schema):
    customer_id: int | None = Field(
        None, description="Needed when the message's sender is not a known customer."
    )
    service_type: str = Field(description="The code of the service type, e.g. `repair`.")
    unit_id: int | None = None
    address_id: int | None = None
    contact_phone: str = ""
    preferred_date: dt.date | None = None
    description: str = Field("", description="Empty: the message's subject and text.")
