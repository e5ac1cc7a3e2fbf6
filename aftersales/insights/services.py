"""Writes of the insights app that people make: exchange rates (the facts are written by
`aggregation`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ExchangeRate
from .rates import reporting_currency


@transaction.atomic
def exchange_rate_save(
    *,
    rate: ExchangeRate,
    by,
    currency: str,
    valid_from: dt.date,
    value: Decimal,
    note: str = "",
) -> ExchangeRate:
    """Add a rate, or change one (managers and finance): one unit of `currency` is worth
    `value` of the reporting currency from `valid_from` on. Audited (django-auditlog)."""
    if not ExchangeRate.policy.allows(by, "change" if rate.pk else "add"):
        raise PermissionDenied
    if currency == reporting_currency():
        raise ValidationError(
            {
                "currency": _("%(currency)s is the reporting currency: its rate is always 1.")
                % {"currency": currency}
            }
        )
    if value is None or value <= 0:
        raise ValidationError({"rate": _("Enter a rate above zero.")})
    taken = ExchangeRate.objects.filter(currency=currency, valid_from=valid_from)
    if taken.exclude(pk=rate.pk).exists():
        raise ValidationError({"valid_from": _("This currency already has a rate from that day.")})
    rate.currency, rate.valid_from, rate.rate, rate.note = currency, valid_from, value, note
    rate.full_clean()
    rate.save()
    return rate
