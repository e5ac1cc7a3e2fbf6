"""What the surveys API reads and answers."""

import datetime as dt
from decimal import Decimal

from ninja import Schema


class InvitationOut(Schema):
    id: int
    template: str
    customer_id: int | None
    visit_id: int | None
    complaint_id: int | None
    agent_id: int | None
    technician_id: int | None
    sent_at: dt.datetime
    expires_at: dt.datetime
    reminders_sent: int
    answered: bool
    csat: int | None
    nps: int | None
    ces: int | None

    @staticmethod
    def resolve_template(obj):
        return obj.template.code

    @staticmethod
    def _response(obj):
        return getattr(obj, "response", None)

    @staticmethod
    def resolve_answered(obj):
        return InvitationOut._response(obj) is not None

    @staticmethod
    def resolve_csat(obj):
        return getattr(InvitationOut._response(obj), "csat", None)

    @staticmethod
    def resolve_nps(obj):
        return getattr(InvitationOut._response(obj), "nps", None)

    @staticmethod
    def resolve_ces(obj):
        return getattr(InvitationOut._response(obj), "ces", None)


class AnswerIn(Schema):
    answers: dict[str, str]


class ResponseOut(Schema):
    id: int
    invitation_id: int
    submitted_at: dt.datetime
    csat: int | None
    nps: int | None
    ces: int | None


class FollowUpOut(Schema):
    id: int
    response_id: int
    customer_id: int | None
    agent_id: int | None
    assignee_id: int | None
    rule: str
    reason: str
    status: str
    due_at: dt.datetime
    created_at: dt.datetime
    outcome: str
    closed_at: dt.datetime | None


class FollowUpCloseIn(Schema):
    status: str
    outcome: str


class ScoresOut(Schema):
    sent: int
    answered: int
    response_rate: Decimal | None
    csat: Decimal | None
    ces: Decimal | None
    nps: Decimal | None
