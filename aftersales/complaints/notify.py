"""What the complainant is told (acknowledgement, the answer, closure) through `core.notify`, and
the alert an escalation sends to the staff of the next level.

A complaint may come from someone who is not (yet) a customer in our records: the message then
goes to the contact details given with it. Links in messages are absolute, from
`AFTERSALES_PUBLIC_URL` (e.g. https://service.example.com).
"""

from __future__ import annotations

from types import SimpleNamespace

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.notify import in_language_of, notify
from aftersales.core.public import public_url

ACKNOWLEDGED, ANSWERED, CLOSED = "acknowledged", "answered", "closed"
OVERDUE, APPEAL, SAFETY, ASSIGNED = "overdue", "appeal", "safety", "assigned"
REASONS = {
    OVERDUE: gettext_lazy("the deadline of its stage has passed"),
    APPEAL: gettext_lazy("the customer has appealed the decision"),
    SAFETY: gettext_lazy("it is a safety issue"),
    ASSIGNED: gettext_lazy("it has been assigned to you"),
}


def recipient_of(complaint):
    """Whom to write to: the contact details given with the complaint, else the customer's."""
    customer = complaint.customer
    phone = complaint.contact_phone or getattr(
        customer.primary_phone if customer else None, "number", ""
    )
    return SimpleNamespace(
        display_name=complaint.contact_name or (customer.display_name if customer else ""),
        email=complaint.contact_email or (customer.email if customer else ""),
        primary_phone=SimpleNamespace(number=phone) if phone else None,
        # a number given with the complaint is given to be answered on
        consent_sms=bool(complaint.contact_phone) or bool(customer and customer.consent_sms),
        preferred_language=complaint.language or (customer.preferred_language if customer else ""),
    )


def compose(complaint, event: str) -> tuple[str, str]:
    params = {
        "code": complaint.code,
        "link": public_url(reverse("complaints:track", args=[complaint.code])),
        "decision": complaint.get_decision_display(),
        "answer": complaint.resolution,
    }
    subject = _("Your complaint %(code)s") % params
    if event == ACKNOWLEDGED:
        body = (
            _(
                "We have received your complaint and are looking into it. Your tracking code is "
                "%(code)s; follow it at %(link)s"
            )
            % params
        )
    elif event == ANSWERED:
        body = (
            _(
                "Our decision on your complaint %(code)s: %(decision)s.\n\n%(answer)s\n\n"
                "Accept it or appeal at %(link)s"
            )
            % params
        )
    else:
        body = _("Your complaint %(code)s is closed. Thank you for telling us.") % params
    return subject, body


def complaint_message(*, complaint_id: int, event: str):
    """The composer for `core.notify`: the message for `event`, None if the complaint is gone."""
    from .models import Complaint

    complaint = Complaint.objects.select_related("customer").filter(pk=complaint_id).first()
    if complaint is None:
        return None
    recipient = recipient_of(complaint)
    with in_language_of(recipient):
        subject, body = compose(complaint, event)
    return recipient, subject, body


def tell_complainant(complaint, event: str) -> None:
    notify("aftersales.complaints.notify.complaint_message", complaint_id=complaint.pk, event=event)


# --- staff -------------------------------------------------------------------------------------


def alert_on_commit(complaint, *, role: str, reason: str, assignee_id: int | None = None) -> None:
    """E-mail the staff of `role` (and the assignee) about the complaint after commit."""
    args = (complaint.pk, role, reason, assignee_id)
    transaction.on_commit(lambda: alert_staff.enqueue(*args))


@task()
def alert_staff(complaint_id: int, role: str, reason: str, assignee_id: int | None) -> int:
    """Send the escalation alert to every active user of `role` with an e-mail; the count sent."""
    from aftersales.core.models import User

    from .models import Complaint

    complaint = Complaint.objects.filter(pk=complaint_id).first()
    if complaint is None:
        return 0
    people = User.objects.filter(is_active=True, role=role).exclude(email="")
    if assignee_id:
        people = people | User.objects.filter(pk=assignee_id, is_active=True).exclude(email="")
    sent = 0
    for user in people.distinct():
        with translation.override(user.language or settings.LANGUAGE_CODE):
            params = {
                "code": complaint.code,
                "stage": complaint.get_stage_display(),
                "severity": complaint.get_severity_display(),
                "reason": str(REASONS.get(reason, reason)),
                "link": public_url(complaint.get_absolute_url()),
            }
            subject = _("Complaint %(code)s needs you: %(reason)s") % params
            if reason == ASSIGNED:
                body = _("Complaint %(code)s (%(severity)s) has been assigned to you.\n%(link)s")
            else:
                body = _(
                    "Complaint %(code)s (%(severity)s) is at the stage “%(stage)s” and has been "
                    "escalated to you: %(reason)s.\n%(link)s"
                )
            body = body % params
        send_mail(subject, body, None, [user.email])
        sent += 1
    return sent
