"""The invitation and its reminder, sent through `core.notify` with the one-time link."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.complaints.notify import recipient_of
from aftersales.core.notify import in_language_of, notify
from aftersales.core.public import public_url


def _recipient(invitation):
    if invitation.customer is not None:
        return invitation.customer
    if invitation.complaint is not None:
        return recipient_of(invitation.complaint)
    return None


def invitation_message(*, invitation_id: int, reminder: bool = False):
    """The composer: None once answered or expired (a reminder queued late sends nothing)."""
    from .models import Invitation

    invitation = (
        Invitation.objects.select_related("customer", "complaint__customer", "visit")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or hasattr(invitation, "response"):
        return None
    if invitation.expires_at <= timezone.now():
        return None
    recipient = _recipient(invitation)
    if recipient is None:
        return None
    with in_language_of(recipient):
        about = invitation.visit or invitation.complaint
        params = {"link": public_url(invitation.public_path()), "about": str(about or "")}
        subject = _("How did we do?")
        if reminder:
            body = _("A reminder: tell us in a minute how we did. %(link)s") % params
        elif about:
            body = _("Please tell us in a minute how we did on %(about)s: %(link)s") % params
        else:
            body = _("Please tell us in a minute how we did: %(link)s") % params
    return recipient, subject, body


def send_invitation(invitation, *, reminder: bool = False) -> None:
    notify(
        "aftersales.surveys.notify.invitation_message",
        invitation_id=invitation.pk,
        reminder=reminder,
    )
