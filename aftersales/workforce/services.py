"""Writes on technicians."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.models import Category
from aftersales.core.choices import Role
from aftersales.core.models import User

from .models import Technician

TECHNICIAN_FIELDS = ("first_name", "last_name", "phone", "agent", "user", "is_active")


def _apply(technician: Technician, data: dict) -> None:
    unknown = set(data) - set(TECHNICIAN_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(technician, name, value)
    login = technician.user
    if login is not None:
        if login.role != Role.TECHNICIAN:
            raise ValidationError(
                {"user": _("Only a login with the technician role can be linked.")}
            )
        if login.agent_id != technician.agent_id:
            raise ValidationError(
                {"user": _("This login belongs to a different agent than the technician.")}
            )
    technician.full_clean()


@transaction.atomic
def technician_create(
    *, by: User | None, categories: Iterable[Category] = (), **data
) -> Technician:
    """A new technician, of an agent or (with no agent) of the maker."""
    technician = Technician()
    _apply(technician, data)
    technician.save()
    technician.categories.set(categories)
    return technician


@transaction.atomic
def technician_update(
    *,
    technician: Technician,
    by: User | None,
    categories: Iterable[Category] | None = None,
    **data,
) -> Technician:
    """Change a technician's details; `categories`, when given, becomes the full list."""
    _apply(technician, data)
    technician.save()
    if categories is not None:
        technician.categories.set(categories)
    return technician
