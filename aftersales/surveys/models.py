"""Surveys that close the loop: templates of questions (CSAT, NPS, CES, free text, conditional),
invitations sent by a one-time link after a visit or a complaint closes, one response per
invitation, and the service-recovery follow-up a poor score opens for a person to call back.

Write only through `aftersales.surveys.services`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import STAFF_ROLES, Language, Role
from aftersales.core.i18n_fields import TranslatedName
from aftersales.core.text import persian_digits

from .choices import FollowUpStatus, QuestionKind, Trigger

SETUP = frozenset({Role.MANAGER, Role.QUALITY})
RECOVERY = frozenset({Role.OPERATOR, Role.MANAGER, Role.QUALITY, Role.AGENT})


class SurveyTemplate(TranslatedName):
    """A questionnaire and when it goes out; the active template of a trigger is used."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    trigger = models.CharField(_("sent"), max_length=20, choices=Trigger)
    is_active = models.BooleanField(_("active"), default=True)
    valid_days = models.PositiveSmallIntegerField(
        _("link valid for (days)"), default=14, help_text=_("The link stops working after this.")
    )
    remind_after_days = models.PositiveSmallIntegerField(_("remind after (days)"), default=3)
    max_reminders = models.PositiveSmallIntegerField(_("reminders at most"), default=1)

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES | {Role.AGENT}, add=SETUP, change=SETUP, agent=ALL)

    class Meta:
        verbose_name = _("survey template")
        verbose_name_plural = _("survey templates")
        ordering = ["code"]

    def get_absolute_url(self):
        return reverse("surveys:template", args=[self.pk])


class Question(models.Model):
    """One question of a template; shown only when its condition (if any) holds."""

    template = models.ForeignKey(
        SurveyTemplate,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("template"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=5, choices=QuestionKind)
    text_en = models.CharField(_("question (English)"), max_length=300)
    text_fa = models.CharField(_("question (Persian)"), max_length=300, blank=True)
    text_it = models.CharField(_("question (Italian)"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    # conditional: shown only when the answer to `show_if` lies in [show_if_min, show_if_max]
    show_if = models.ForeignKey(
        "self",
        verbose_name=_("only when the answer to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="dependents",
    )
    show_if_min = models.SmallIntegerField(_("is at least"), null=True, blank=True)
    show_if_max = models.SmallIntegerField(_("is at most"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES | {Role.AGENT}, add=SETUP, change=SETUP, agent=ALL)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["template", "position", "pk"]

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        language = (get_language() or "en")[:2]
        return getattr(self, f"text_{language}", "") or self.text_en

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"


class Invitation(models.Model):
    """A one-time link to a survey, sent to a customer about a visit or a complaint."""

    template = models.ForeignKey(
        SurveyTemplate, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("token"))
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    visit = models.ForeignKey(
        "service.Visit",
        verbose_name=_("visit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        verbose_name=_("complaint"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
        help_text=_("For a purchase survey: the unit bought."),
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    technician = models.ForeignKey(
        "workforce.Technician",
        verbose_name=_("technician"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    language = models.CharField(_("language"), max_length=5, choices=Language, blank=True)
    sent_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("link valid until"))
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES | {Role.AGENT}, agent="agent")

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["sent_at"], name="survey_invitation_sent")]

    def __str__(self):
        return f"{self.template.code} #{self.pk}"

    def get_absolute_url(self):
        return reverse("surveys:invitation", args=[self.pk])

    def public_path(self) -> str:
        return reverse("surveys:answer", args=[self.token])


class Response(models.Model):
    """The one answer to an invitation; the standard scores also sit in their own columns."""

    invitation = models.OneToOneField(
        Invitation, verbose_name=_("invitation"), on_delete=models.CASCADE, related_name="response"
    )
    submitted_at = models.DateTimeField(_("submitted"))
    csat = models.PositiveSmallIntegerField(_("CSAT"), null=True, blank=True)
    nps = models.PositiveSmallIntegerField(_("NPS"), null=True, blank=True)
    ces = models.PositiveSmallIntegerField(_("CES"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES | {Role.AGENT}, agent="invitation__agent")

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(csat__isnull=True) | Q(csat__gte=1, csat__lte=5),
                name="survey_csat_1_5",
            ),
            models.CheckConstraint(
                condition=Q(nps__isnull=True) | Q(nps__gte=0, nps__lte=10),
                name="survey_nps_0_10",
            ),
            models.CheckConstraint(
                condition=Q(ces__isnull=True) | Q(ces__gte=1, ces__lte=7),
                name="survey_ces_1_7",
            ),
        ]

    def __str__(self):
        return f"{self.invitation}"

    @property
    def is_detractor(self) -> bool:
        return self.nps is not None and self.nps <= 6


class FollowUp(models.Model):
    """Service recovery: a poor score to be answered by a person calling the customer."""

    response = models.OneToOneField(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="follow_up"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent's queue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_follow_ups",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_follow_ups_assigned",
    )
    rule = models.CharField(_("assigned by rule"), max_length=100, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    status = models.CharField(
        _("status"), max_length=15, choices=FollowUpStatus, default=FollowUpStatus.OPEN
    )
    due_at = models.DateTimeField(_("call by"))
    created_at = models.DateTimeField(_("opened"))
    outcome = models.TextField(_("outcome of the call"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("closed by"),
    )

    objects = RestrictedManager()
    policy = Policy(view=RECOVERY, change=RECOVERY, agent="agent")

    class Meta:
        verbose_name = _("service-recovery follow-up")
        verbose_name_plural = _("service-recovery follow-ups")
        ordering = ["status", "due_at", "pk"]

    def __str__(self):
        number = str(self.pk)
        if (get_language() or "").startswith("fa"):
            number = persian_digits(number)
        return _("Follow-up #%(pk)s") % {"pk": number}

    def get_absolute_url(self):
        return reverse("surveys:follow_up", args=[self.pk])


track(SurveyTemplate, Question, Invitation, Response, FollowUp)
