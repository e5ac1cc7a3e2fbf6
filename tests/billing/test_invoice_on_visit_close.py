"""Closing a visit invoices it: tariffs in force on the job's day, lines split by payer."""

import datetime as dt
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from aftersales.billing.choices import InvoiceStatus, Payer
from aftersales.billing.models import Invoice, LabourRate


def _lines(invoice):
    return [(line.kind, line.payer, line.net) for line in invoice.lines.order_by("pk")]


def test_out_of_warranty_the_customer_pays_labour_travel_and_parts(
    iran, close_visit, owner, owned_unit, compressor
):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)], minutes=90)

    invoice = Invoice.objects.get(visit=visit)
    assert invoice.status == InvoiceStatus.ISSUED
    assert invoice.number.startswith(f"INV-IR-{invoice.issue_date.year}-")
    assert _lines(invoice) == [
        ("labour", Payer.CUSTOMER, Decimal("2250000")),  # 1.5 h x 1,500,000
        ("travel", Payer.CUSTOMER, Decimal("500000")),  # distance unknown: the first zone
        ("part", Payer.CUSTOMER, Decimal("42000000")),
    ]
    assert invoice.net == Decimal("44750000")
    assert invoice.tax == Decimal("4475000")
    assert invoice.customer_total == invoice.total == Decimal("49225000")
    assert invoice.maker_total == 0


def test_the_minimum_labour_time_is_billed(iran, close_visit, owner, owned_unit):
    visit = close_visit(customer=owner, unit=owned_unit, minutes=10)

    labour = Invoice.objects.get(visit=visit).lines.get(kind="labour")
    assert labour.quantity == Decimal("0.50")
    assert labour.net == Decimal("750000")


def test_under_warranty_each_line_goes_to_its_payer(
    iran, close_visit, owner, owned_unit, compressor, warranty_policy
):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 2)], minutes=60)

    invoice = Invoice.objects.get(visit=visit)
    assert _lines(invoice) == [
        ("labour", Payer.MANUFACTURER, Decimal("1500000")),
        ("travel", Payer.MANUFACTURER, Decimal("250000")),  # travel half covered ...
        ("travel", Payer.CUSTOMER, Decimal("250000")),  # ... the other half is the customer's
        ("part", Payer.MANUFACTURER, Decimal("84000000")),
    ]
    assert invoice.customer_total == Decimal("275000")
    assert invoice.maker_total == Decimal("94325000")  # 85,750,000 + 10% VAT
    assert invoice.customer_total + invoice.maker_total + invoice.agent_total == invoice.total


def test_an_old_job_keeps_the_prices_of_its_day(iran, close_visit, owner, owned_unit):
    from aftersales.service.services import request_open
    from tests.service.factories import service_type

    LabourRate.objects.create(
        country="IR", hourly_rate=Decimal("3000000"), valid_from=dt.date(2030, 1, 1)
    )
    request = request_open(
        by=None,
        customer=owner,
        unit=owned_unit,
        service_type=service_type("repair"),
        channel="phone",
        description="Noisy",
        address=owner.addresses.first() or _address(owner),
    )
    visit = close_visit(customer=owner, request=request, minutes=60)

    assert Invoice.objects.get(visit=visit).lines.get(kind="labour").unit_price == 1500000


def _address(customer):
    from tests.factories import AddressFactory

    return AddressFactory(customer=customer)


def test_euro_invoices_round_to_cents(italy, close_visit, stranger, strangers_unit, compressor):
    stranger.country = "IT"
    stranger.preferred_language = "it"
    stranger.save()
    visit = close_visit(customer=stranger, unit=strangers_unit, parts=[(compressor, 1)], minutes=50)

    invoice = Invoice.objects.get(visit=visit)
    assert invoice.currency == "EUR"
    labour = invoice.lines.get(kind="labour")
    assert labour.quantity == Decimal("0.83")  # hours, in hundredths
    assert labour.net == Decimal("40.26")  # 0.83 x 48.50 = 40.255, rounded half up
    assert labour.tax == Decimal("8.86")  # 22% of 40.26 = 8.8572
    assert invoice.net == Decimal("40.26") + Decimal("25.00") + Decimal("310.00")
    assert invoice.tax == sum(line.tax for line in invoice.lines.all())
    assert invoice.total == invoice.net + invoice.tax
    assert invoice.number.startswith("INV-IT-")


def test_no_invoice_without_a_company_for_the_country(close_visit, owner, owned_unit):
    visit = close_visit(customer=owner, unit=owned_unit)
    assert not Invoice.objects.filter(visit=visit).exists()


def test_a_part_without_price_leaves_a_draft_for_finance(iran, close_visit, owner, owned_unit):
    from tests.factories import PartFactory

    visit = close_visit(customer=owner, unit=owned_unit, parts=[(PartFactory(sku="NOPRICE"), 1)])

    invoice = Invoice.objects.get(visit=visit)
    assert invoice.status == InvoiceStatus.DRAFT
    assert invoice.number == ""
    assert "NOPRICE" in invoice.reason


def test_after_the_warranty_the_commitment_period_rate_applies(
    iran, close_visit, owner, owned_unit
):
    from aftersales.warranty.models import LegalMinimum

    owned_unit.sale_date = dt.date(2021, 1, 1)
    owned_unit.save()
    LegalMinimum.objects.create(country="IR", months=24, commitment_years=10)

    visit = close_visit(customer=owner, unit=owned_unit, minutes=60)

    labour = Invoice.objects.get(visit=visit).lines.get(kind="labour")
    assert labour.payer == Payer.CUSTOMER
    assert labour.rule == "commitment"
    assert labour.unit_price == Decimal("1200000")
    with translation.override(owner.preferred_language or "en"):  # written in the customer's
        assert _("%(line)s, at the commitment-period rate") % {"line": ""} in labour.description


def test_a_part_the_warranty_charges_to_the_agent_is_the_agents(
    iran, close_visit, owner, owned_unit, compressor, warranty_policy
):
    from aftersales.warranty.models import PartCoverage

    PartCoverage.objects.create(
        warranty_policy=warranty_policy, part=compressor, months=60, pct=100, payer="agent"
    )

    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)], minutes=60)

    invoice = Invoice.objects.get(visit=visit)
    assert invoice.lines.get(kind="part").payer == Payer.AGENT
    assert invoice.agent_total == Decimal("46200000")  # 42,000,000 + 10% VAT
