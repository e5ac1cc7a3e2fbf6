"""The history of changes reads in the reader's language: dates in their calendar (Jalali in
Persian), numbers in Persian digits or with an Italian decimal comma, yes / no in words, an empty
value as a dash, a text kept in every language in the reader's."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.utils import translation

from aftersales.core.templatetags.audit import changes_shown
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def _last_change(obj):
    return LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.UPDATE).latest("pk")


def test_dates_numbers_and_yes_no_in_persian(owned_unit):
    owned_unit.sale_date = dt.date(2025, 3, 21)  # Nowruz 1404
    owned_unit.sale_price = Decimal("450000000")
    owned_unit.sale_currency = "IRR"
    owned_unit.save()
    owner = owned_unit.owner
    owner.consent_sms = not owner.consent_sms
    owner.save()
    with translation.override("fa"):
        unit_rows = {
            label: (before, after)
            for label, before, after in changes_shown(_last_change(owned_unit))
        }
        owner_rows = changes_shown(_last_change(owner))
    assert unit_rows["تاریخ فروش"][1] == "۱۴۰۴/۰۱/۰۱"
    assert any(after == "۴۵۰۰۰۰۰۰۰" or after == "۴۵۰۰۰۰۰۰۰.۰۰" for _b, after in unit_rows.values())
    assert {after for _label, _before, after in owner_rows} & {"بله", "خیر"}


def test_an_empty_value_is_a_dash():
    unit = UnitFactory(sale_price=None)
    unit.sale_price = Decimal("1250.50")
    unit.sale_currency = "EUR"
    unit.save()
    with translation.override("it"):
        rows = changes_shown(_last_change(unit))
    assert ("—", "1250,50") in [(before, after) for _label, before, after in rows]  # Italian


def test_a_moment_is_shown_in_the_readers_time_zone(owned_unit, settings):
    owner = owned_unit.owner
    owner.consent_at = dt.datetime(2026, 3, 20, 20, 30, tzinfo=dt.UTC)  # Tehran: 21 March, 00:00
    owner.save()
    with translation.override("fa"):
        shown = [after for _label, _before, after in changes_shown(_last_change(owner))]
    assert "۱۴۰۵/۰۱/۰۱ ۰۰:۰۰" in shown


def test_a_text_kept_in_every_language_is_shown_in_the_readers(operator, owner, owned_unit):
    from tests.service.factories import open_request

    request = open_request(by=operator, customer=owner, unit=owned_unit)
    request.warranty_reasons = {"en": "Covered until 2027", "fa": "تا ۲۰۲۷ تحت پوشش"}
    request.save()
    with translation.override("fa"):
        shown = [after for _label, _before, after in changes_shown(_last_change(request))]
    assert "تا ۲۰۲۷ تحت پوشش" in shown
    assert not [after for after in shown if "\\u" in after or "{" in after]
