"""The job sheet: the visit report with the customer's drawn signature, as a PDF."""

import base64
import io
import subprocess

from PIL import Image, ImageDraw

from aftersales.billing.documents import job_sheet_pdf


def _drawn_signature() -> str:
    image = Image.new("RGB", (300, 100), "white")
    ImageDraw.Draw(image).line([(10, 80), (120, 20), (200, 70), (290, 30)], fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_the_job_sheet_carries_the_signature_and_the_work(
    iran, close_visit, owner, owned_unit, compressor, tmp_path
):
    visit = close_visit(
        customer=owner, unit=owned_unit, parts=[(compressor, 1)], signature=_drawn_signature()
    )

    path = tmp_path / "sheet.pdf"
    path.write_bytes(job_sheet_pdf(visit, language="en"))

    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1  # the signature
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert visit.number in text
    assert "CMP-18" in text
    assert owner.display_name in text
