"""The bar: a Persian invoice PDF is not blank, and its text holds the number and the total."""

import subprocess

from PIL import Image

from aftersales.billing.documents import invoice_pdf, job_sheet_pdf
from aftersales.billing.models import Invoice
from aftersales.core.money import show_money
from aftersales.core.text import persian_digits
from tests.pdf import pdf_text


def _ink(pdf: bytes, tmp_path) -> float:
    """The share of the first page's pixels that are not white."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    image = Image.open(page).convert("L")
    dark = sum(image.histogram()[:200])
    return dark / (image.width * image.height)


def test_persian_invoice_pdf_shows_its_number_and_total(
    iran, close_visit, owner, owned_unit, compressor, tmp_path
):
    owner.preferred_language = "fa"
    owner.save()
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    invoice = Invoice.objects.get(visit=visit)

    pdf = invoice_pdf(invoice)

    assert pdf.startswith(b"%PDF")
    assert _ink(pdf, tmp_path) > 0.005  # text and rules were drawn, not a blank page
    text = pdf_text(pdf, tmp_path)
    assert invoice.number in text  # the document number kept in order (bdi dir=ltr)
    from django.utils import translation

    with translation.override("fa"):
        total = show_money(invoice.total, "IRR")
    digits_only = persian_digits(total.split(" ")[0])
    assert digits_only in text, (digits_only, text)
    assert "۱۰%" in text  # the tax rate, in Persian digits, not "1E+1"


def test_italian_invoice_and_job_sheet_render(
    italy, close_visit, stranger, strangers_unit, tmp_path
):
    stranger.country = "IT"
    stranger.preferred_language = "it"
    stranger.save()
    visit = close_visit(customer=stranger, unit=strangers_unit)
    invoice = Invoice.objects.get(visit=visit)

    text = pdf_text(invoice_pdf(invoice), tmp_path)
    assert invoice.number in text
    assert "€" in text

    sheet = pdf_text(job_sheet_pdf(visit), tmp_path)
    assert visit.number in sheet
    assert strangers_unit.serial in sheet
