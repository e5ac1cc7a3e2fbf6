"""Bank statements finance reads to record the transfers customers made on their invoices."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track

from .common import FINANCE


class BankStatement(models.Model):
    """A statement (camt.053) or notification (camt.054) as the bank sent it: its credits are
    matched to open invoices by the invoice numbers their payers wrote, and recorded as
    payments when finance confirms them. The file is kept as it came."""

    file = models.FileField(_("file"), upload_to="billing/bank-statements/")
    name = models.CharField(_("file name"), max_length=120)
    account = models.CharField(_("account"), max_length=34, blank=True)
    credits = models.PositiveIntegerField(_("credits"), default=0)
    recorded = models.PositiveIntegerField(_("payments recorded"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(view=FINANCE, add=FINANCE, change=FINANCE)

    class Meta:
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("billing:statement", args=[self.pk])


track(BankStatement)
