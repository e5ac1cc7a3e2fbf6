"""What the customer is told when their unit is ready in the workshop (sent by `core.notify`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from aftersales.core.notify import in_language_of

from .choices import Handover, JobStatus


def compose(job) -> tuple[str, str]:
    params = {
        "number": job.request.number,
        "serial": job.unit.serial,
        "workshop": job.workshop.name,
        "address": job.workshop.address or job.workshop.name,
        "reason": job.unrepaired_reason,
    }
    subject = _("Your unit %(serial)s is ready (request %(number)s)") % params
    if job.handover == Handover.DELIVERY:
        body = _("Your unit %(serial)s is ready; we will bring it back to you.") % params
    else:
        body = (
            _("Your unit %(serial)s is ready for collection at %(workshop)s, %(address)s.") % params
        )
    if not job.repaired:
        body = _("It could not be repaired: %(reason)s") % params + "\n" + body
    return subject, body


def ready_message(*, job_id: int):
    """The message that the job's unit is ready, or None if it is no longer ready."""
    from .models import WorkshopJob

    job = (
        WorkshopJob.objects.select_related("request__customer", "unit", "workshop")
        .filter(pk=job_id)
        .first()
    )
    if job is None or job.status != JobStatus.READY:
        return None
    customer = job.request.customer
    with in_language_of(customer):
        subject, body = compose(job)
    return customer, subject, body
