"""Writes on technicians, their skills, the qualifications work needs, and certifications."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Role
from aftersales.core.models import User

from ..models import Certification, Qualification, Technician
from .base import fill

TECHNICIAN_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "agent",
    "user",
    "is_active",
    "home_latitude",
    "home_longitude",
    "shift_start",
    "shift_end",
    "break_minutes",
)
SKILLS = ("categories", "service_types", "product_models")
QUALIFICATION_FIELDS = ("name", "validity_months", "description", "is_active")
CERTIFICATION_FIELDS = ("qualification", "number", "issued_on", "expires_on")


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
    if (
        technician.shift_end
        and technician.shift_start
        and technician.shift_end <= technician.shift_start
    ):
        raise ValidationError({"shift_end": _("The shift must end after it starts.")})
    if (technician.home_latitude is None) != (technician.home_longitude is None):
        raise ValidationError({"home_longitude": _("Give both the latitude and the longitude.")})
    technician.full_clean()


def _set_skills(technician: Technician, skills: dict[str, Iterable | None]) -> None:
    for name, values in skills.items():
        if values is not None:
            getattr(technician, name).set(values)


def _split_skills(data: dict) -> dict:
    return {name: data.pop(name) for name in SKILLS if name in data}


@transaction.atomic
def technician_create(*, by: User | None, **data) -> Technician:
    """A new technician, of an agent or (with no agent) of the maker; skills (`categories`,
    `service_types`, `product_models`) may come with it."""
    skills = _split_skills(data)
    technician = Technician()
    _apply(technician, data)
    technician.save()
    _set_skills(technician, skills)
    return technician


@transaction.atomic
def technician_update(*, technician: Technician, by: User | None, **data) -> Technician:
    """Change a technician's details; a skill list, when given, becomes the full list."""
    skills = _split_skills(data)
    _apply(technician, data)
    technician.save()
    _set_skills(technician, skills)
    return technician


@transaction.atomic
def qualification_create(
    *, by: User | None, categories: Iterable = (), service_types: Iterable = (), **data
) -> Qualification:
    """A certificate some work needs: work of `categories` and `service_types` (empty: any)."""
    qualification = Qualification()
    fill(qualification, data, QUALIFICATION_FIELDS)
    qualification.save()
    qualification.categories.set(categories)
    qualification.service_types.set(service_types)
    return qualification


@transaction.atomic
def qualification_update(
    *,
    qualification: Qualification,
    by: User | None,
    categories: Iterable | None = None,
    service_types: Iterable | None = None,
    **data,
) -> Qualification:
    fill(qualification, data, QUALIFICATION_FIELDS)
    qualification.save()
    if categories is not None:
        qualification.categories.set(categories)
    if service_types is not None:
        qualification.service_types.set(service_types)
    return qualification


def _check_certification(certification: Certification) -> None:
    if not (certification.issued_on and certification.qualification_id):
        return  # full_clean names the missing field
    if certification.expires_on is None:
        certification.expires_on = certification.qualification.expiry_from(certification.issued_on)
    if certification.expires_on and certification.expires_on < certification.issued_on:
        raise ValidationError({"expires_on": _("A certificate cannot expire before it is issued.")})
    if certification.issued_on > timezone.localdate() + datetime.timedelta(days=366):
        raise ValidationError({"issued_on": _("The issue date is too far in the future.")})


@transaction.atomic
def certification_add(*, technician: Technician, by: User | None, **data) -> Certification:
    """A technician's certificate of a qualification. With no expiry given, it lasts the
    qualification's validity from the issue date (if the qualification has one)."""
    certification = Certification(technician=technician)
    fill(certification, data, CERTIFICATION_FIELDS, check=_check_certification)
    certification.save()
    return certification


@transaction.atomic
def certification_update(*, certification: Certification, by: User | None, **data):
    fill(certification, data, CERTIFICATION_FIELDS, check=_check_certification)
    certification.save()
    return certification
