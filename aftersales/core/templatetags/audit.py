import datetime as dt
import json

from django import template
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import calendars
from ..audit import history_of
from ..text import show_number

register = template.Library()
NOTHING = "—"
NUMBERS = (models.IntegerField, models.DecimalField, models.FloatField)
LANGUAGES = {code for code, _name in settings.LANGUAGES}


@register.inclusion_tag("core/_audit.html")
def audit_trail(obj):
    return {"entries": history_of(obj)}


@register.filter
def changes_shown(entry) -> list[tuple[str, str, str]]:
    """(field, before, after) of an audit entry in the reader's language: dates in their
    calendar, numbers in their digits, yes / no in words, an empty value as a dash; choices and
    related records as the audit log names them."""
    model = entry.content_type.model_class()
    named = entry.changes_display_dict  # {label: [before, after]} for choices and relations
    rows = []
    for name, values in entry.changes_dict.items():
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        label = str(getattr(field, "verbose_name", name))
        if isinstance(values, dict) and values.get("type") == "m2m":  # records added or removed
            names = ", ".join(str(item) for item in values.get("objects", ())) or NOTHING
            added = values.get("operation") == "add"
            rows.append((label, NOTHING if added else names, names if added else NOTHING))
            continue
        shown_by_log = named.get(getattr(field, "verbose_name", name), values)
        before, after = (
            _value(field, raw, logged)
            for raw, logged in zip(values, list(shown_by_log) + [None, None], strict=False)
        )
        rows.append((label, before, after))
    return rows


def _value(field, raw, logged) -> str:
    if raw is None or raw in ("None", ""):
        return NOTHING
    if isinstance(field, models.BooleanField):
        return _("Yes") if str(raw) == "True" else _("No")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(raw))
        if moment is not None and timezone.is_naive(moment):
            moment = moment.replace(tzinfo=dt.UTC)  # the audit log writes UTC
        return calendars.show_date(moment, with_time=True) if moment else str(raw)
    if isinstance(field, models.DateField):
        day = parse_date(str(raw)[:10])
        return calendars.show_date(day) if isinstance(day, dt.date) else str(raw)
    if isinstance(field, NUMBERS) and not field.choices:
        return show_number(raw, trim=False)  # as recorded: 1250.50 stays 1250,50
    if isinstance(field, models.JSONField):
        try:
            value = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            value = raw
        if isinstance(value, list):  # a list of names, as the record's page shows it
            return ", ".join(str(item) for item in value) or NOTHING
        if isinstance(value, dict) and value and set(value) <= LANGUAGES:
            # a text kept in every language (a warranty decision's reason): the reader's
            language = (get_language() or "")[:2]
            return str(value.get(language) or next(iter(value.values())))
    return str(logged if logged is not None else raw)
