"""The workshop (carry-in / depot repair): the places where units are repaired on the bench, and
the custody of a unit while it is in our hands, from intake to its return to the customer.

The service request stays the unit of work (its SLA, warranty decision, billing); a workshop job
records who received the unit, in what condition, with which accessories, where it is, when it
was ready, and when and to whom it went back. The bench work itself is a visit of the request
(diagnosis, failure codes, parts, check-list, job sheet), planned at the workshop and linked to
the job. Write only through `aftersales.workshop.services`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import STAFF_ROLES, Role
from aftersales.core.models import StatusStep

from .choices import ACTIVE_STATUSES, Arrival, Handover, JobStatus

WORKSHOP_EDITORS = frozenset({Role.MANAGER})
# who receives units, puts them on the bench and hands them back
HANDS = frozenset({Role.OPERATOR, Role.DISPATCHER, Role.TECHNICIAN, Role.MANAGER, Role.AGENT})


def _jobs_of_agent(agent) -> Q:
    """An agent's staff see the jobs of their workshops and of the requests they answer for."""
    return Q(workshop__agent=agent) | Q(request__agent=agent)


class Workshop(models.Model):
    """A place where units are repaired on the bench: the maker's service centre (no agent) or an
    authorized agent's workshop, with the warehouse its bench parts come from."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workshops",
        help_text=_("Empty for the maker's own service centre."),
    )
    warehouse = models.ForeignKey(
        "parts.Warehouse",
        verbose_name=_("parts warehouse"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT},
        add=WORKSHOP_EDITORS,
        change=WORKSHOP_EDITORS,
        agent="agent",
    )

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WorkshopJob(models.Model):
    """The custody of a unit in a workshop for one service request."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    request = models.ForeignKey(
        "service.ServiceRequest",
        verbose_name=_("service request"),
        on_delete=models.PROTECT,
        related_name="workshop_jobs",
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.PROTECT, related_name="jobs"
    )
    status = models.CharField(
        _("status"), max_length=15, choices=JobStatus, default=JobStatus.RECEIVED
    )
    # intake
    arrival = models.CharField(_("how it came"), max_length=12, choices=Arrival)
    reference = models.CharField(_("courier reference"), max_length=100, blank=True)
    received_at = models.DateTimeField(_("received"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    condition = models.TextField(_("condition on arrival"))
    accessories = models.TextField(_("accessories received"), blank=True)
    intake_signature = models.ImageField(
        _("customer signature at intake"), upload_to="workshop/signatures/", blank=True
    )
    intake_signed_by = models.CharField(_("signed at intake by"), max_length=200, blank=True)
    # the bench work: visits of the request made at the workshop
    bench_visits = models.ManyToManyField(
        "service.Visit", verbose_name=_("bench visits"), blank=True, related_name="workshop_jobs"
    )
    # ready
    ready_at = models.DateTimeField(_("ready since"), null=True, blank=True)
    handover = models.CharField(_("hand-over"), max_length=12, choices=Handover, blank=True)
    repaired = models.BooleanField(_("repaired"), null=True, blank=True)
    unrepaired_reason = models.TextField(_("why it was not repaired"), blank=True)
    # returned
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    returned_to = models.CharField(_("returned to"), max_length=200, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed back by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_signature = models.ImageField(
        _("customer signature at return"), upload_to="workshop/signatures/", blank=True
    )
    cancel_reason = models.TextField(_("why it was cancelled"), blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT, Role.CUSTOMER},
        add=HANDS,
        change=HANDS,
        customer="request__customer",
        agent=_jobs_of_agent,
    )

    class Meta:
        verbose_name = _("workshop job")
        verbose_name_plural = _("workshop jobs")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=sorted(ACTIVE_STATUSES)),
                name="workshop_one_job_per_request",
            ),
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(status__in=sorted(ACTIVE_STATUSES)),
                name="workshop_one_job_per_unit",
            ),
        ]
        indexes = [models.Index(fields=["status", "received_at"], name="workshop_job_queue")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("workshop:job", args=[self.pk])

    @property
    def is_active(self) -> bool:
        """The unit is still in our hands."""
        return self.status in ACTIVE_STATUSES

    def days_in_workshop(self, now=None) -> int:
        """Whole days from intake to the return (or to now, while the unit is here)."""
        end = self.returned_at or (None if self.is_active else self.received_at)
        end = end or now or timezone.now()
        return max((end - self.received_at).days, 0)


class JobStatusChange(StatusStep):
    """One step of a workshop job: from which state to which, by whom, when, why."""

    job = models.ForeignKey(WorkshopJob, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(
        pgettext_lazy("movement", "from"), max_length=15, choices=JobStatus, blank=True
    )
    to_status = models.CharField(pgettext_lazy("movement", "to"), max_length=15, choices=JobStatus)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT, Role.CUSTOMER},
        customer="job__request__customer",
        agent=lambda agent: Q(job__workshop__agent=agent) | Q(job__request__agent=agent),
    )

    class Meta(StatusStep.Meta):
        verbose_name = _("workshop status change")
        verbose_name_plural = _("workshop status changes")


track(Workshop, WorkshopJob, JobStatusChange)
