"""A fattura is dated (and numbered in its year's series), and a quote's days are counted, by
Italy's day, whatever the clock of whoever issues it: an Italian invoice issued at 23:30 in Milan
is that day's, though it is already the next day in Tehran, the server's default time zone."""

import datetime as dt
import zoneinfo

from django.utils import timezone

from aftersales.billing.models import Invoice


def _a_zone_on_another_day_than_rome() -> str:
    """A time zone whose date differs from Rome's right now (Kiribati is 12 or 13 hours ahead of
    Rome, American Samoa as many behind: one of them always is), so the test proves the rule at
    any hour it runs."""
    rome = timezone.localdate(timezone=zoneinfo.ZoneInfo("Europe/Rome"))
    for name in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        if timezone.localdate(timezone=zoneinfo.ZoneInfo(name)) != rome:
            return name
    raise AssertionError("no zone on another day")


def test_an_italian_invoice_has_romes_day(italy, close_visit, stranger, strangers_unit):
    stranger.country = "IT"
    stranger.preferred_language = "it"
    stranger.save()
    elsewhere = _a_zone_on_another_day_than_rome()

    with timezone.override(zoneinfo.ZoneInfo(elsewhere)):
        visit = close_visit(customer=stranger, unit=strangers_unit)

    rome = timezone.localdate(timezone=zoneinfo.ZoneInfo("Europe/Rome"))
    assert timezone.localdate(timezone=zoneinfo.ZoneInfo(elsewhere)) != rome
    invoice = Invoice.objects.get(visit=visit)
    assert invoice.issue_date == rome
    assert invoice.number.startswith(f"INV-IT-{rome.year}-")
    assert isinstance(invoice.issue_date, dt.date)


def test_an_italian_quote_counts_its_days_from_romes_day(
    italy, service_data, operator, stranger, strangers_unit
):
    from aftersales.billing import services
    from tests.factories import AddressFactory
    from tests.service.factories import open_request

    stranger.country = "IT"
    stranger.save()
    AddressFactory(customer=stranger, country="IT", region="MI", city="Milano")
    elsewhere = _a_zone_on_another_day_than_rome()

    with timezone.override(zoneinfo.ZoneInfo(elsewhere)):
        job = open_request(by=operator, customer=stranger, unit=strangers_unit)
        quote = services.quote_create(
            by=operator,
            customer=stranger,
            request=job,
            lines=[{"kind": "labour", "description": "Posa", "quantity": 1, "unit_price": 80}],
        )

    rome = timezone.localdate(timezone=zoneinfo.ZoneInfo("Europe/Rome"))
    assert quote.valid_until == rome + dt.timedelta(days=italy.quote_days)
