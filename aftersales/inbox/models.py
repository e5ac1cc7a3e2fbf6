"""Incoming e-mail: each message received from a mailbox or a mail provider, stored once, with
its attachments, the customer it came from and the service request it went to.

Write only through `aftersales.inbox.services`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import Role

from .choices import MessageStatus, Source

# The desk that reads the mail. Messages are not routed to agents, and customers never see them.
DESK = frozenset({Role.OPERATOR, Role.MANAGER})

# Images a browser may show inline; any other file (SVG included) is only downloaded.
INLINE_IMAGES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


class InboundMessage(models.Model):
    """One e-mail received, stored once per Message-ID."""

    message_id = models.CharField(_("message ID"), max_length=255, unique=True)
    from_address = models.CharField(_("from (address)"), max_length=254, db_index=True)
    from_name = models.CharField(_("from (name)"), max_length=200, blank=True)
    to = models.CharField(_("to"), max_length=1000, blank=True)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    body = models.TextField(_("text"), blank=True)
    from_html = models.BooleanField(_("text taken from HTML"), default=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), db_index=True)
    raw_size = models.PositiveIntegerField(_("size in bytes"))
    raw = models.FileField(_("original message"), upload_to="inbox/raw/%Y/%m/", blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source)
    skipped_attachments = models.PositiveSmallIntegerField(
        _("attachments not kept (too many or too large)"), default=0
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus, default=MessageStatus.NEW
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    request = models.ForeignKey(
        "service.ServiceRequest",
        verbose_name=_("service request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # a request the message names, from someone who is not that request's customer: the desk
    # confirms it (or not)
    suggested_request = models.ForeignKey(
        "service.ServiceRequest",
        verbose_name=_("request named in the message"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attached_automatically = models.BooleanField(_("attached automatically"), default=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=DESK, change=DESK)

    class Meta:
        verbose_name = _("incoming e-mail")
        verbose_name_plural = _("incoming e-mail")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["status", "-received_at"], name="inbox_queue")]

    def __str__(self):
        return self.subject or self.message_id

    def get_absolute_url(self):
        return reverse("inbox:message", args=[self.pk])

    @property
    def customer_replied(self) -> bool:
        """The customer wrote on a request put on hold to wait for them, since it was put on
        hold: the desk should act. (`hold_since` is annotated by `selectors.with_hold_since`.)"""
        from aftersales.service.choices import Status

        if not (
            self.status == MessageStatus.ATTACHED
            and self.request is not None
            and self.request.status == Status.WAITING_CUSTOMER
        ):
            return False
        if not hasattr(self, "hold_since"):
            held = self.request.status_changes.filter(to_status=Status.WAITING_CUSTOMER)
            self.hold_since = held.order_by("-at").values_list("at", flat=True).first()
        return self.hold_since is not None and self.received_at >= self.hold_since


class InboundAttachment(models.Model):
    """A file that came with a message; served only through a restricted view."""

    message = models.ForeignKey(
        InboundMessage,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("message"),
    )
    file = models.FileField(_("file"), upload_to="inbox/attachments/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    # the request photo this image became when the message went to a request (once)
    photo = models.OneToOneField(
        "service.RequestPhoto",
        verbose_name=_("request photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RestrictedManager()
    policy = Policy(view=DESK)

    class Meta:
        verbose_name = _("e-mail attachment")
        verbose_name_plural = _("e-mail attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("inbox:attachment", args=[self.pk])

    @property
    def is_image(self) -> bool:
        return self.content_type in INLINE_IMAGES


track(InboundMessage, exclude=("body", "raw"))
track(InboundAttachment)
