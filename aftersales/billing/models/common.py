"""Pieces shared by the billing models: who edits, and how money is stored."""

from django.core.validators import MinValueValidator
from django.db import models

from aftersales.core.access import ALL, Policy
from aftersales.core.choices import STAFF_ROLES, Role

FINANCE = frozenset({Role.FINANCE, Role.MANAGER})
TARIFF_POLICY = Policy(
    view=STAFF_ROLES | {Role.AGENT},
    add=FINANCE,
    change=FINANCE,
    delete=FINANCE,
    agent=ALL,
)


def money(verbose, **kwargs) -> models.DecimalField:
    """An amount of money: Decimal, rounded to the currency by the services."""
    kwargs.setdefault("max_digits", 18)
    kwargs.setdefault("decimal_places", 2)
    return models.DecimalField(verbose, **kwargs)


def price(verbose, **kwargs) -> models.DecimalField:
    """A price that cannot be negative."""
    return money(verbose, validators=[MinValueValidator(0)], **kwargs)
