"""The FatturaPA file of an Italian invoice holds what the SdI checks: both parties, the
document (TD01, or TD04 naming the credited invoice), lines with their IVA (or Natura) and
totals per rate that add up to the document's total, amounts with 2 decimals and a dot; and
it is refused, saying why, when the SdI would refuse it."""

import re
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from aftersales.billing import services
from aftersales.billing.fatturapa import NAMESPACE, fatturapa
from aftersales.billing.models import Invoice, TaxRate
from aftersales.customers.services import customer_update

AMOUNT = re.compile(r"-?\d{1,11}\.\d{2}")


def _parse(invoice):
    document = fatturapa(invoice)
    root = ET.fromstring(document.content)
    assert root.tag == f"{{{NAMESPACE}}}FatturaElettronica"
    assert root.get("versione") == "FPR12"
    return document, root


def _text(root, path: str) -> str:
    element = root.find(path)
    assert element is not None, f"{path} is missing"
    return element.text


def _money(root, path: str) -> Decimal:
    text = _text(root, path)
    assert AMOUNT.fullmatch(text), f"{path} = {text!r} is not an amount with 2 decimals"
    return Decimal(text)


def _totals_add_up(root) -> None:
    summaries = root.findall(".//DatiBeniServizi/DatiRiepilogo")
    lines = root.findall(".//DatiBeniServizi/DettaglioLinee")
    assert summaries and lines
    total = Decimal(0)
    for summary in summaries:
        rate = _money(summary, "AliquotaIVA")
        net, tax = _money(summary, "ImponibileImporto"), _money(summary, "Imposta")
        of_rate = [line for line in lines if _money(line, "AliquotaIVA") == rate]
        assert net == sum(_money(line, "PrezzoTotale") for line in of_rate)
        assert abs(tax - net * rate / 100) <= Decimal("0.01") * len(of_rate)  # rounded per line
        total += net + tax
    assert total == _money(root, ".//DatiGeneraliDocumento/ImportoTotaleDocumento")
    for line in lines:  # PrezzoTotale = PrezzoUnitario x Quantita, less its discount
        price, quantity = _money(line, "PrezzoUnitario"), Decimal(_text(line, "Quantita"))
        discount = line.find("ScontoMaggiorazione/Percentuale")
        share = 1 - (Decimal(discount.text) / 100 if discount is not None else 0)
        assert abs(_money(line, "PrezzoTotale") - price * quantity * share) <= Decimal("0.01")


def test_an_issued_invoice_becomes_a_fattura_the_sdi_can_read(italian_invoice):
    document, root = _parse(italian_invoice)

    assert document.name == f"IT12345670157_{_text(root, './/ProgressivoInvio')}.xml"
    assert re.fullmatch(r"IT12345670157_[0-9A-Z]{5}\.xml", document.name)
    assert document.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    header = root.find("FatturaElettronicaHeader")
    assert _text(header, "DatiTrasmissione/IdTrasmittente/IdCodice") == "12345670157"
    assert _text(header, "DatiTrasmissione/FormatoTrasmissione") == "FPR12"
    assert _text(header, "DatiTrasmissione/CodiceDestinatario") == "0000000"
    seller = header.find("CedentePrestatore")
    assert _text(seller, "DatiAnagrafici/IdFiscaleIVA/IdPaese") == "IT"
    assert _text(seller, "DatiAnagrafici/IdFiscaleIVA/IdCodice") == "12345670157"
    assert _text(seller, "DatiAnagrafici/Anagrafica/Denominazione") == "Aftersales Italia"
    assert _text(seller, "DatiAnagrafici/RegimeFiscale") == "RF01"
    assert [element.text for element in seller.find("Sede")] == [
        "Via Torino 5",
        "20123",
        "Milano",
        "MI",
        "IT",
    ]
    buyer = header.find("CessionarioCommittente")
    assert _text(buyer, "DatiAnagrafici/CodiceFiscale") == "RSSMRA80A01H501U"
    assert buyer.find("DatiAnagrafici/IdFiscaleIVA") is None  # a private person
    assert _text(buyer, "DatiAnagrafici/Anagrafica/Nome") == "Marco"
    assert _text(buyer, "DatiAnagrafici/Anagrafica/Cognome") == "Rossi"
    assert _text(buyer, "Sede/CAP") == "20121"
    assert _text(buyer, "Sede/Comune") == "Milano"
    assert _text(buyer, "Sede/Provincia") == "MI"
    assert _text(buyer, "Sede/Nazione") == "IT"

    general = root.find(".//DatiGeneraliDocumento")
    assert _text(general, "TipoDocumento") == "TD01"
    assert _text(general, "Divisa") == "EUR"
    assert _text(general, "Data") == italian_invoice.issue_date.isoformat()
    assert _text(general, "Numero") == italian_invoice.number
    assert _money(general, "ImportoTotaleDocumento") == italian_invoice.total
    assert root.find(".//DatiFattureCollegate") is None
    lines = root.findall(".//DettaglioLinee")
    assert [_text(line, "NumeroLinea") for line in lines] == ["1", "2"]
    assert _text(lines[0], "Descrizione").startswith("Manodopera")  # the document's Italian
    assert _text(lines[0], "UnitaMisura") == "ore"  # labour is priced by the hour
    assert {_text(line, "AliquotaIVA") for line in lines} == {"22.00"}
    assert root.find(".//Natura") is None  # IVA is charged: no Natura
    assert _money(root, ".//DatiRiepilogo/Imposta") == italian_invoice.tax
    assert root.find(".//DatiPagamento") is None  # no terms or due date to state
    _totals_add_up(root)


def test_a_company_customer_is_named_by_its_partita_iva_and_reached_by_its_code(
    italian_invoice, italian_customer
):
    customer_update(
        customer=italian_customer,
        by=None,
        kind="company",
        company_name="Rossi Impianti S.r.l.",
        vat_number="IT 00743110157",
        sdi_code="abc1def",
        pec="rossi@pec.example.it",
    )
    italian_invoice.refresh_from_db()

    _document, root = _parse(italian_invoice)

    buyer = root.find(".//CessionarioCommittente/DatiAnagrafici")
    assert _text(buyer, "IdFiscaleIVA/IdPaese") == "IT"
    assert _text(buyer, "IdFiscaleIVA/IdCodice") == "00743110157"
    assert _text(buyer, "CodiceFiscale") == "RSSMRA80A01H501U"
    assert _text(buyer, "Anagrafica/Denominazione") == "Rossi Impianti S.r.l."
    assert buyer.find("Anagrafica/Nome") is None
    assert _text(root, ".//CodiceDestinatario") == "ABC1DEF"
    assert root.find(".//PECDestinatario") is None  # only with the code 0000000


def test_without_a_code_the_fattura_goes_to_the_customers_pec(italian_invoice, italian_customer):
    customer_update(customer=italian_customer, by=None, pec="marco.rossi@pec.example.it")

    _document, root = _parse(Invoice.objects.get(pk=italian_invoice.pk))

    assert _text(root, ".//CodiceDestinatario") == "0000000"
    assert _text(root, ".//PECDestinatario") == "marco.rossi@pec.example.it"


def test_a_credit_note_is_a_td04_naming_the_invoice_it_credits(italian_invoice, finance):
    note = services.credit_note_create(invoice=italian_invoice, by=finance, reason="Doppia")

    document, root = _parse(note)

    assert _text(root, ".//TipoDocumento") == "TD04"
    assert _text(root, ".//DatiGeneraliDocumento/Numero") == note.number
    assert _text(root, ".//DatiGeneraliDocumento/Causale") == "Doppia"
    assert _text(root, ".//DatiFattureCollegate/IdDocumento") == italian_invoice.number
    assert _text(root, ".//DatiFattureCollegate/Data") == italian_invoice.issue_date.isoformat()
    assert _money(root, ".//ImportoTotaleDocumento") == note.total > 0  # amounts positive
    assert document.name != fatturapa(italian_invoice).name  # a progressive of its own
    _totals_add_up(root)


def test_a_line_the_warranty_pays_in_part_shows_the_customers_share_as_a_discount(
    italian_company, italian_customer, close_visit, strangers_unit, compressor
):
    from aftersales.warranty.models import WarrantyPolicy

    WarrantyPolicy.objects.create(
        name="WM 24 months",
        product_model=strangers_unit.product_model,
        months=24,
        parts_pct=100,
        labour_pct=100,
        travel_pct=50,
    )
    visit = close_visit(customer=italian_customer, unit=strangers_unit, parts=[(compressor, 1)])
    invoice = Invoice.objects.get(visit=visit)

    _document, root = _parse(invoice)

    lines = root.findall(".//DettaglioLinee")
    assert len(lines) == invoice.lines.count()
    assert any(line.find("ScontoMaggiorazione") is not None for line in lines)
    for line, row in zip(lines, invoice.lines.all(), strict=True):
        if row.payer != "customer":
            assert _text(line, "Descrizione").endswith(" - Produttore (garanzia)")  # who pays
    assert _text(root, ".//CodiceArticolo/CodiceValore") == "CMP-18"
    _totals_add_up(root)


def test_without_iva_each_line_says_its_natura(
    italian_company, italian_customer, close_visit, strangers_unit
):
    TaxRate.objects.filter(country="IT").delete()
    visit = close_visit(customer=italian_customer, unit=strangers_unit)
    invoice = Invoice.objects.get(visit=visit)
    assert invoice.tax == 0

    _document, root = _parse(invoice)

    for element in [*root.findall(".//DettaglioLinee"), root.find(".//DatiRiepilogo")]:
        assert _text(element, "AliquotaIVA") == "0.00"
        assert re.fullmatch(r"N[1-7](\.\d)?", _text(element, "Natura"))
    assert _text(root, ".//DatiRiepilogo/RiferimentoNormativo")
    _totals_add_up(root)


def test_text_is_kept_to_the_characters_the_sdi_reads(italian_invoice):
    line = italian_invoice.lines.first()
    line.description = "Riparazione – “urgente” قطعه…"
    line.save()

    _document, root = _parse(italian_invoice)

    assert _text(root, ".//DettaglioLinee/Descrizione") == 'Riparazione - "urgente" ...'


# --- refusals -----------------------------------------------------------------------------------


def test_a_draft_is_refused(italian_invoice):
    Invoice.objects.filter(pk=italian_invoice.pk).update(status="draft", number="")
    italian_invoice.refresh_from_db()

    with pytest.raises(ValidationError, match="Issue the invoice"):
        fatturapa(italian_invoice)


def test_another_countrys_invoice_is_refused(iran, owner, owned_unit, close_visit):
    invoice = Invoice.objects.get(visit=close_visit(customer=owner, unit=owned_unit))

    with pytest.raises(ValidationError, match="Italian company"):
        fatturapa(invoice)


def test_a_customer_without_codice_fiscale_or_partita_iva_is_refused(
    italian_invoice, italian_customer
):
    italian_customer.national_id = ""
    italian_customer.save()

    with pytest.raises(ValidationError, match="codice fiscale or a partita IVA"):
        fatturapa(Invoice.objects.get(pk=italian_invoice.pk))


def test_a_customer_without_an_address_with_a_cap_is_refused(italian_invoice, italian_customer):
    italian_customer.addresses.update(postal_code="")
    with pytest.raises(ValidationError, match="CAP of 5 digits"):
        fatturapa(italian_invoice)

    italian_customer.addresses.all().delete()
    with pytest.raises(ValidationError, match="needs an address"):
        fatturapa(italian_invoice)


def test_a_company_without_partita_iva_or_cap_is_refused_with_both_reasons(italian_invoice):
    company = italian_invoice.company
    company.vat_number = ""
    company.address = "Milano"
    company.save()

    with pytest.raises(ValidationError) as caught:
        fatturapa(Invoice.objects.get(pk=italian_invoice.pk))

    assert len(caught.value.messages) == 2
    assert "partita IVA" in caught.value.messages[0]
    assert "Via Torino 5, 20123 Milano (MI)" in caught.value.messages[1]
