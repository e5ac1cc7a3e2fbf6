"""Training: courses, their sessions, and who attended (staff, agents' staff and customers).

A certificate of attendance of a course that teaches a qualification creates or renews the
attendee's certification of it (see `services.attendance_certify`).
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Role

from ..choices import AttendanceStatus, Audience, SessionStatus
from .technicians import Certification, Qualification, Technician

MANAGERS = frozenset({Role.MANAGER})


class Course(models.Model):
    """A training course: what it teaches, to whom, and the qualification it certifies."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.STAFF
    )
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=1)
    qualification = models.ForeignKey(
        Qualification,
        verbose_name=_("certifies"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
        help_text=_(
            "A technician's certificate of attendance creates or renews this certification."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=EVERYONE - {Role.CUSTOMER}, add=MANAGERS, change=MANAGERS, agent=ALL)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title"]

    def __str__(self):
        return f"{self.code} — {self.title}"

    def get_absolute_url(self):
        return reverse("workforce:course_detail", args=[self.pk])


class TrainingSession(models.Model):
    """One run of a course: when, where, by whom, for how many."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="sessions"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    trainer = models.CharField(_("trainer"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus, default=SessionStatus.PLANNED
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = RestrictedManager()
    policy = Policy(view=EVERYONE - {Role.CUSTOMER}, add=MANAGERS, change=MANAGERS, agent=ALL)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="training_session_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            )
        ]

    def __str__(self):
        return f"{self.course.title} ({self.starts_on:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("workforce:session_detail", args=[self.pk])


class Attendance(models.Model):
    """A person enrolled in a session: a technician, another member of staff (by name, of the
    maker or of an agent), or a customer."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    technician = models.ForeignKey(
        Technician,
        verbose_name=_("technician"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("For staff who are not technicians.")
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The agent the attendee works for; empty for the maker's staff."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AttendanceStatus,
        default=AttendanceStatus.REGISTERED,
    )
    certificate_number = models.CharField(_("certificate number"), max_length=40, blank=True)
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    certification = models.ForeignKey(
        Certification,
        verbose_name=_("certification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendances",
    )

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        add=MANAGERS,
        change=MANAGERS,
        customer="customer",
        agent="agent",
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "technician"],
                condition=models.Q(technician__isnull=False),
                name="attendance_one_per_technician",
            ),
            models.UniqueConstraint(
                fields=["session", "customer"],
                condition=models.Q(customer__isnull=False),
                name="attendance_one_per_customer",
            ),
        ]

    def __str__(self):
        return f"{self.attendee} — {self.session}"

    def get_absolute_url(self):
        return self.session.get_absolute_url()

    @property
    def attendee(self) -> str:
        if self.technician_id:
            return self.technician.full_name
        if self.customer_id:
            return self.customer.display_name
        return self.name

    @property
    def attendee_kind(self) -> str:
        if self.customer_id:
            return str(_("Customer"))
        if self.technician_id:
            return str(_("Technician"))
        return str(_("Staff"))


track(Course, TrainingSession, Attendance)
