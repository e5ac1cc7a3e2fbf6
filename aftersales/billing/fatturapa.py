"""FatturaPA: the XML an Italian invoice (fattura elettronica, format FPR12 of specification
1.2) or credit note (nota di credito) is sent to the Sistema di Interscambio (SdI) in.

A read of an issued document, written with the standard library's ElementTree: the document is
small and of one shape, so no library is needed to build it. What the SdI checks is checked here
first (a `ValidationError` says what to complete, in the reader's language); sending the file
to the SdI (through an intermediary or by PEC) and reading its receipts are not done here.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from xml.etree import ElementTree as ET

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from aftersales.core import identity
from aftersales.core.choices import Country
from aftersales.customers.choices import CustomerKind

from .choices import InvoiceStatus, LineKind, Payer
from .models import Invoice

NAMESPACE = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"
SIGNATURE_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#"
FORMAT = "FPR12"  # a fattura to a private party (FPA12, to a public body, is not ours)
NO_CODE = "0000000"  # the codice destinatario of a customer without one (PEC or cassetto)
TAX_REGIME = "RF01"  # the company's regime fiscale: ordinario
DOCUMENT_TYPES = {False: "TD01", True: "TD04"}  # fattura, nota di credito
# A line without IVA must say why (Natura). Only a company without an IVA rate on record bills
# one here; N2.2 is "non soggette, altri casi": finance must confirm it before such a file goes.
NATURE_WITHOUT_TAX = "N2.2"
NATURE_REFERENCE = "Operazione non soggetta a IVA"
# what a line's quantity counts: labour is priced by the hour, parts by the piece
UNITS = {LineKind.LABOUR: "ore", LineKind.PART: "pz"}
# "Via Torino 5, 20123 Milano (MI)": the street, the CAP, the comune and the provincia's sigla,
# as Italians write an address and as the company's address is kept
COMPANY_ADDRESS = re.compile(
    r"^\s*(?P<street>.+?),\s*(?P<cap>\d{5})\s+(?P<town>[^,()]+?)\s*(?:\((?P<province>[A-Za-z]{2})\))?\s*$"
)
# the typographic characters a description may hold, as the Latin-1 the SdI reads
PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})

ET.register_namespace("p", NAMESPACE)
ET.register_namespace("ds", SIGNATURE_NAMESPACE)


@dataclass(frozen=True)
class EInvoice:
    """A FatturaPA file: its name by the SdI's rule and its bytes."""

    name: str
    content: bytes


def fatturapa(invoice: Invoice) -> EInvoice:
    """The FatturaPA file of an issued invoice or credit note of the Italian company; a
    ValidationError naming everything the SdI would refuse, when it cannot be made."""
    _check(invoice)
    root = ET.Element(f"{{{NAMESPACE}}}FatturaElettronica", {"versione": FORMAT})
    header = _sub(root, "FatturaElettronicaHeader")
    _transmission(header, invoice)
    _seller(header, invoice.company)
    _buyer(header, invoice.customer)
    _body(_sub(root, "FatturaElettronicaBody"), invoice)
    ET.indent(root)
    content = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return EInvoice(name=file_name(invoice), content=content)


def file_name(invoice: Invoice) -> str:
    """IT + the company's partita IVA + _ + a progressive of 5 letters or digits that no other
    file of the company has: the invoice's id in base 36 ('IT12345670157_0000A.xml')."""
    return f"IT{invoice.company.vat_number}_{progressive(invoice)}.xml"


def progressive(invoice: Invoice) -> str:
    digits, number = "", invoice.pk
    while number:
        number, rest = divmod(number, 36)
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[rest] + digits
    return digits.rjust(5, "0")


def fatturapa_zip(invoices) -> tuple[bytes, int, list[str]]:
    """A ZIP of the FatturaPA files of `invoices` that can have one: (its bytes, the number of
    files, why each other issued Italian document has none). Drafts and other countries'
    documents are left out without a word; the refused ones are listed in the ZIP too."""
    buffer = io.BytesIO()
    made, refused = 0, []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for invoice in invoices:
            try:
                document = fatturapa(invoice)
            except ValidationError as error:
                refused.append(f"{invoice.number}: {' '.join(error.messages)}")
                continue
            archive.writestr(document.name, document.content)
            made += 1
        if refused:
            archive.writestr(f"{_('not exported')}.txt", "\n".join(refused) + "\n")
    return buffer.getvalue(), made, refused


def exportable(invoices):
    """The issued documents of the Italian company among `invoices`."""
    return invoices.filter(status=InvoiceStatus.ISSUED, company__country=Country.ITALY)


# --- what the SdI needs -------------------------------------------------------------------------


def _check(invoice: Invoice) -> None:
    if invoice.company.country != Country.ITALY:
        raise ValidationError(_("Only the Italian company's invoices are sent as FatturaPA."))
    if invoice.status != InvoiceStatus.ISSUED or not invoice.number:
        raise ValidationError(_("Issue the invoice before making its FatturaPA file."))
    errors = []
    try:
        identity.validate_partita_iva(invoice.company.vat_number or "")
    except ValidationError:
        errors.append(_("Give the Italian company a valid partita IVA (tariffs, companies)."))
    if not COMPANY_ADDRESS.match(invoice.company.address or ""):
        errors.append(
            _(
                "Write the Italian company's address with its CAP and comune, e.g. "
                "'Via Torino 5, 20123 Milano (MI)' (tariffs, companies)."
            )
        )
    customer = invoice.customer
    if not (customer.vat_number or customer.national_id):
        errors.append(_("The customer needs a codice fiscale or a partita IVA for a FatturaPA."))
    address = _address(customer)
    if address is None:
        errors.append(_("The customer needs an address for a FatturaPA."))
    elif address.country != Country.ITALY or not re.fullmatch(r"\d{5}", address.postal_code):
        errors.append(_("The customer's address needs an Italian CAP of 5 digits."))
    if len(invoice.number) > 20:
        errors.append(
            _("A FatturaPA number has at most 20 characters: shorten the invoice series.")
        )
    if invoice.is_credit and not (invoice.credit_of and invoice.credit_of.number):
        errors.append(_("A credit note must name the invoice it credits."))
    if errors:
        raise ValidationError(errors)


def _address(customer):
    return customer.addresses.order_by("-is_default", "pk").first()


# --- the header ---------------------------------------------------------------------------------


def _sub(parent, tag: str, text: str | None = None):
    element = ET.SubElement(parent, tag)
    if text is not None:
        element.text = text
    return element


def _latin(text: str, limit: int) -> str:
    """`text` in the characters the SdI accepts (Latin-1, no control characters), at most
    `limit` long: typographic quotes and dashes become plain ones, accents stay, and what has
    no Latin form (Persian script) is left out."""
    text = unicodedata.normalize("NFC", text or "").translate(PLAIN)
    kept = []
    for char in text:
        if ord(char) < 32:
            char = " "
        elif ord(char) > 255:
            char = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        kept.append(char)
    return re.sub(r"\s+", " ", "".join(kept)).strip()[:limit].strip()


def _amount(value: Decimal) -> str:
    """Two decimals and a dot, as the SdI reads amounts: 1234.50."""
    return f"{Decimal(value):.2f}"


def _transmission(header, invoice: Invoice) -> None:
    data = _sub(header, "DatiTrasmissione")
    sender = _sub(data, "IdTrasmittente")
    _sub(sender, "IdPaese", Country.ITALY)
    _sub(sender, "IdCodice", invoice.company.vat_number)
    _sub(data, "ProgressivoInvio", progressive(invoice))
    _sub(data, "FormatoTrasmissione", FORMAT)
    code = invoice.customer.sdi_code or NO_CODE
    _sub(data, "CodiceDestinatario", code)
    if code == NO_CODE and invoice.customer.pec:
        _sub(data, "PECDestinatario", invoice.customer.pec)


def _place(parent, *, street: str, cap: str, town: str, province: str, country: str) -> None:
    place = _sub(parent, "Sede")
    _sub(place, "Indirizzo", _latin(street, 60))
    _sub(place, "CAP", cap)
    _sub(place, "Comune", _latin(town, 60))
    if len(province) == 2 and province.isalpha() and province.isascii():
        _sub(place, "Provincia", province.upper())
    _sub(place, "Nazione", country)


def _seller(header, company) -> None:
    seller = _sub(header, "CedentePrestatore")
    data = _sub(seller, "DatiAnagrafici")
    vat = _sub(data, "IdFiscaleIVA")
    _sub(vat, "IdPaese", Country.ITALY)
    _sub(vat, "IdCodice", company.vat_number)
    _sub(_sub(data, "Anagrafica"), "Denominazione", _latin(company.name, 80))
    _sub(data, "RegimeFiscale", TAX_REGIME)
    address = COMPANY_ADDRESS.match(company.address)
    _place(
        seller,
        street=address["street"],
        cap=address["cap"],
        town=address["town"],
        province=address["province"] or "",
        country=Country.ITALY,
    )
    if company.email:
        _sub(_sub(seller, "Contatti"), "Email", company.email)


def _buyer(header, customer) -> None:
    buyer = _sub(header, "CessionarioCommittente")
    data = _sub(buyer, "DatiAnagrafici")
    if customer.vat_number:
        vat = _sub(data, "IdFiscaleIVA")
        _sub(vat, "IdPaese", Country.ITALY)
        _sub(vat, "IdCodice", customer.vat_number)
    if customer.national_id:
        _sub(data, "CodiceFiscale", customer.national_id)
    names = _sub(data, "Anagrafica")
    first, last = _latin(customer.first_name, 60), _latin(customer.last_name, 60)
    if customer.kind == CustomerKind.PERSON and first and last:
        _sub(names, "Nome", first)
        _sub(names, "Cognome", last)
    else:
        _sub(names, "Denominazione", _latin(customer.display_name, 80))
    address = _address(customer)
    _place(
        buyer,
        street=address.line,
        cap=address.postal_code,
        town=address.city,
        province=address.region.strip(),
        country=address.country,
    )


# --- the body -----------------------------------------------------------------------------------


def _body(body, invoice: Invoice) -> None:
    general = _sub(body, "DatiGenerali")
    document = _sub(general, "DatiGeneraliDocumento")
    _sub(document, "TipoDocumento", DOCUMENT_TYPES[invoice.is_credit])
    _sub(document, "Divisa", invoice.currency)
    _sub(document, "Data", invoice.issue_date.isoformat())
    _sub(document, "Numero", invoice.number)
    _sub(document, "ImportoTotaleDocumento", _amount(invoice.total))
    if reason := _latin(invoice.reason, 200):
        _sub(document, "Causale", reason)
    if invoice.is_credit:
        credited = _sub(general, "DatiFattureCollegate")
        _sub(credited, "IdDocumento", invoice.credit_of.number)
        _sub(credited, "Data", invoice.credit_of.issue_date.isoformat())
    goods = _sub(body, "DatiBeniServizi")
    summary: dict[Decimal, list[Decimal]] = {}
    rate = Decimal(invoice.tax_percent)
    with translation.override("it"):  # the kinds of lines and payers, as the SdI file says them
        for number, line in enumerate(invoice.lines.select_related("part"), start=1):
            _line(goods, number, line, rate)
            sums = summary.setdefault(rate, [Decimal(0), Decimal(0)])
            sums[0] += line.net
            sums[1] += line.tax
    for percent, (net, tax) in summary.items():
        total = _sub(goods, "DatiRiepilogo")
        _sub(total, "AliquotaIVA", _amount(percent))
        if not percent:
            _sub(total, "Natura", NATURE_WITHOUT_TAX)
        _sub(total, "ImponibileImporto", _amount(net))
        _sub(total, "Imposta", _amount(tax))
        if percent:
            _sub(total, "EsigibilitaIVA", "I")  # immediata
        else:
            _sub(total, "RiferimentoNormativo", NATURE_REFERENCE)


def _line(goods, number: int, line, rate: Decimal) -> None:
    row = _sub(goods, "DettaglioLinee")
    _sub(row, "NumeroLinea", str(number))
    if line.part_id:
        code = _sub(row, "CodiceArticolo")
        _sub(code, "CodiceTipo", "SKU")
        _sub(code, "CodiceValore", _latin(line.part.sku, 35))
    description = _latin(line.description, 1000) or str(line.get_kind_display())
    if line.payer != Payer.CUSTOMER:  # on the fattura as on its page: who pays this line
        description = f"{description} - {_latin(str(line.get_payer_display()), 100)}"[:1000]
    _sub(row, "Descrizione", description)
    _sub(row, "Quantita", _amount(line.quantity))
    _sub(row, "UnitaMisura", UNITS.get(line.kind, "n."))
    _sub(row, "PrezzoUnitario", _amount(line.unit_price))
    if line.share_percent != 100:  # the payer's share of the line, as a discount on its price
        discount = _sub(row, "ScontoMaggiorazione")
        _sub(discount, "Tipo", "SC")
        _sub(discount, "Percentuale", _amount(100 - line.share_percent))
    _sub(row, "PrezzoTotale", _amount(line.net))
    _sub(row, "AliquotaIVA", _amount(rate))
    if not rate:
        _sub(row, "Natura", NATURE_WITHOUT_TAX)
