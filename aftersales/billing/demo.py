"""Demo billing: the Iranian (IRR, VAT 10%) and Italian (EUR, IVA 22%) companies with their
tariffs, a few jobs closed and invoiced (one paid; one of them the demo customer's, two of them
Italian, whose customers have what a FatturaPA needs), a quote waiting for the demo customer,
and this quarter's revenue targets."""

import datetime as dt
from decimal import Decimal
from xml.sax.saxutils import escape

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aftersales.catalog.models import Category, ProductModel
from aftersales.customers.models import Customer
from aftersales.customers.services import customer_update
from aftersales.demo import data
from aftersales.service import services as service
from aftersales.service.demo import book_repair
from aftersales.service.models import ServiceType
from aftersales.units.models import Unit
from aftersales.workforce.models import Technician

from . import services, statements
from .models import Company, FixedPrice, Invoice, LabourRate, RevenueTarget, TaxRate, TravelZone

SINCE = dt.date(2024, 3, 20)
JOBS = 6
# what the demo jobs say, for an Iranian and for an Italian customer
DESCRIPTION = ("دستگاه کار نمی‌کند و صدای غیرعادی دارد", "L'apparecchio non funziona e fa rumore")
DIAGNOSIS = (
    "خازن موتور فن خراب بود؛ تعویض شد و دستگاه آزمایش شد.",
    "Condensatore del motore ventola guasto; sostituito e apparecchio provato.",
)


def _tariffs() -> None:
    Company.objects.create(
        country="IR",
        name="شرکت خدمات پس از فروش",
        currency="IRR",
        vat_number="411234567891",
        address="تهران، خیابان ولیعصر، پلاک ۱۲",
        phone="+982188880000",
        iban="IR470190000000000000112233",
    )
    Company.objects.create(
        country="IT",
        name="Aftersales Italia S.r.l.",
        currency="EUR",
        vat_number="12345670157",
        address="Via Torino 5, 20123 Milano (MI)",
        phone="+390212345678",
        email="fatture@aftersales-italia.example.it",
        iban="IT23W0100501600000000054321",
    )
    TaxRate.objects.create(country="IR", name="VAT", percent=Decimal(9), valid_from=SINCE)
    TaxRate.objects.create(
        country="IR", name="VAT", percent=Decimal(10), valid_from=dt.date(2025, 3, 21)
    )
    TaxRate.objects.create(country="IT", name="IVA", percent=Decimal(22), valid_from=SINCE)
    ac = Category.objects.filter(code="ac").first()
    LabourRate.objects.create(
        country="IR",
        hourly_rate=Decimal(1_500_000),
        commitment_rate=Decimal(1_200_000),
        minimum_minutes=30,
        valid_from=SINCE,
    )
    if ac is not None:
        LabourRate.objects.create(
            country="IR",
            category=ac,
            hourly_rate=Decimal(1_800_000),
            minimum_minutes=30,
            valid_from=SINCE,
        )
        LabourRate.objects.create(
            country="IR",
            category=ac,
            region="تهران",
            hourly_rate=Decimal(2_000_000),
            minimum_minutes=30,
            valid_from=SINCE,
        )
    LabourRate.objects.create(
        country="IT",
        hourly_rate=Decimal("48.50"),
        commitment_rate=Decimal("40.00"),
        minimum_minutes=30,
        valid_from=SINCE,
    )
    for name, km, fee in (
        ("داخل شهر", 20, 500_000),
        ("حومه", 60, 1_200_000),
        ("استان", 200, 3_000_000),
    ):
        TravelZone.objects.create(country="IR", name=name, up_to_km=km, fee=fee, valid_from=SINCE)
    for name, km, fee in (("Zona urbana", 15, "25.00"), ("Provincia", 60, "45.00")):
        TravelZone.objects.create(
            country="IT", name=name, up_to_km=km, fee=Decimal(fee), valid_from=SINCE
        )
    installation = ServiceType.objects.filter(code="installation").first()
    if installation is not None and ac is not None:
        for model in ProductModel.objects.filter(category=ac).order_by("code")[:4]:
            FixedPrice.objects.create(
                country="IR",
                service_type=installation,
                product_model=model,
                amount=Decimal(6_500_000),
                minutes=120,
                valid_from=SINCE,
            )
            FixedPrice.objects.create(
                country="IT",
                service_type=installation,
                product_model=model,
                amount=Decimal("180.00"),
                minutes=120,
                valid_from=SINCE,
            )


def _jobs() -> int:
    """Close a few repair visits through the service flow; each is invoiced on closing."""
    repair = ServiceType.objects.filter(code="repair").first()
    if repair is None:
        return 0
    owned = Unit.objects.filter(owner__isnull=False, owner__addresses__isnull=False)
    owned = owned.select_related("owner", "product_model__category").distinct()
    # the demo customer's air conditioner first: the portal shows her a visit report and invoice
    units = [*owned.filter(owner__user__username="customer").order_by("serial")[:1]]
    # two Italian customers' jobs: their fatture can be downloaded as FatturaPA files
    units += owned.filter(owner__country="IT").order_by("pk")[:2]
    units += owned.exclude(owner__user__username="customer").order_by("pk")[: JOBS * 3]
    units = list(dict.fromkeys(units))
    made = 0
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for unit in units:
        if made == JOBS:
            break
        technician = (
            Technician.objects.filter(is_active=True, agent=unit.service_agent)
            .order_by("pk")
            .first()
            or Technician.objects.filter(is_active=True, agent__isnull=True).order_by("pk").first()
        )
        if technician is None:
            continue
        start = now - dt.timedelta(days=2 + made * 3)  # the visit; the call came the day before
        try:
            with transaction.atomic():
                visit = book_repair(
                    unit=unit,
                    technician=technician,
                    start=start,
                    description=DESCRIPTION[unit.owner.country == "IT"],
                )
                service.visit_check_in(visit=visit, by=None, at=start)
                service.visit_record(
                    visit=visit,
                    by=None,
                    diagnosis=DIAGNOSIS[unit.owner.country == "IT"],
                    failure_codes=[],
                    checklist=dict.fromkeys(repair.checklist, True),
                )
                service.visit_close(
                    visit=visit,
                    by=None,
                    result="fixed",
                    labour_minutes=45 + made * 15,
                    at=start + dt.timedelta(hours=1),
                )
        except ValidationError:
            continue
        made += 1
    _ready_for_fatturapa()
    paid = Invoice.objects.filter(status="issued", customer_total__gt=0).order_by("pk").first()
    if paid is not None:
        services.payment_record(invoice=paid, by=None, method="cash", amount=paid.customer_total)
    return made


def _ready_for_fatturapa() -> None:
    """What the SdI needs of the invoiced Italian customers: a codice fiscale (made from the
    name and the comune, for those the generator left without one), a codice destinatario for
    a company and a PEC for a person."""
    belfiore = {city.name: city.belfiore for city in data.CITIES if city.country == "IT"}
    customers = Customer.objects.filter(country="IT", invoices__company__country="IT").distinct()
    for customer in customers.prefetch_related("addresses"):
        changes = {}
        address = customer.addresses.order_by("-is_default", "pk").first()
        if not (customer.national_id or customer.vat_number) and address is not None:
            birth = dt.date(1970, 1, 1) + dt.timedelta(days=customer.pk % 9000)
            changes["national_id"] = data.codice_fiscale(
                customer.first_name or customer.company_name,
                customer.last_name or customer.company_name,
                birth,
                False,
                belfiore.get(address.city, "F205"),
            )
        if customer.kind == "company":
            changes["sdi_code"] = "DEMO" + f"{customer.pk % 1000:03d}"
        elif not customer.pec:
            changes["pec"] = f"cliente{customer.pk}@pec.example.it"
        customer_update(customer=customer, by=None, **changes)


def _quote() -> None:
    customer = Customer.objects.filter(user__username="customer").first()
    if customer is None:
        return
    request = customer.service_requests.order_by("-pk").first()
    quote = services.quote_create(
        by=None,
        customer=customer,
        request=request,
        lines=[
            {
                "kind": "labour",
                "description": "شارژ گاز و نشت‌یابی",
                "quantity": 1,
                "unit_price": 2_500_000,
            },
            {"kind": "part", "description": "شیر سرویس", "quantity": 2, "unit_price": 650_000},
        ],
        note="این پیش‌فاکتور تا دو هفته معتبر است.",
    )
    services.quote_send(quote=quote, by=None)


def _targets() -> None:
    today = timezone.localdate()
    quarter = (today.month - 1) // 3
    start = dt.date(today.year, quarter * 3 + 1, 1)
    end = (dt.date(today.year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1)) - dt.timedelta(
        days=1
    )
    repair = ServiceType.objects.filter(code="repair").first()
    RevenueTarget.objects.create(
        name="Quarter, Iran", start=start, end=end, amount=Decimal(150_000_000), currency="IRR"
    )
    RevenueTarget.objects.create(
        name="Quarter, repairs in Tehran",
        start=start,
        end=end,
        service_type=repair,
        region="تهران",
        amount=Decimal(60_000_000),
        currency="IRR",
    )
    RevenueTarget.objects.create(
        name="Trimestre, Italia", start=start, end=end, amount=Decimal("12000.00"), currency="EUR"
    )


STATEMENT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>DEMO-STMT</MsgId><CreDtTm>{day}T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>DEMO-1</Id><Acct><Id><IBAN>{iban}</IBAN></Id></Acct>{entries}</Stmt>
</BkToCstmrStmt></Document>"""
ENTRY = """<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>{day}</Dt></BookgDt><AcctSvcrRef>{reference}</AcctSvcrRef><NtryDtls><TxDtls>
<RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>{text}</Ustrd></RmtInf>
</TxDtls></NtryDtls></Ntry>"""


def _bank_statement() -> int:
    """Yesterday's statement of the Italian company's account: an Italian customer paid their
    fattura, writing its number their own way, and a transfer names no invoice."""
    company = Company.objects.filter(country="IT").first()
    invoice = (
        Invoice.objects.filter(company=company, status="issued", kind="invoice")
        .exclude(payments__isnull=False)
        .select_related("customer")
        .order_by("pk")
        .first()
    )
    if invoice is None or not invoice.number:
        return 0
    prefix, country, year, serial = invoice.number.split("-")
    day = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    entries = [
        (
            invoice.customer_total,
            "CRO-0001",
            invoice.customer.display_name,
            f"Saldo fattura {prefix} {country} {year}/{int(serial)}",
        ),
        (Decimal("80.00"), "CRO-0002", "Ferramenta Lodi S.r.l.", "Acconto ordine 4471"),
    ]
    xml = STATEMENT.format(
        day=day,
        iban=company.iban,
        entries="".join(
            ENTRY.format(amount=amount, day=day, reference=ref, payer=escape(payer), text=text)
            for amount, ref, payer, text in entries
        ),
    )
    statements.statement_upload(by=None, data=xml.encode(), name=f"estratto-conto-{day}.xml")
    return 1


def load_demo() -> str:
    if Company.objects.exists():
        return "Billing: already loaded."
    with transaction.atomic():
        _tariffs()
        _targets()
    jobs = _jobs()
    _quote()
    read = _bank_statement()
    return (
        f"Billing: 2 companies with tariffs, {jobs} jobs invoiced, 1 quote sent, 3 targets, "
        f"{read} bank statement to record."
    )
