"""The settlement statement PDF in the agent's language: a Persian one for an Iranian agent,
rendered by WeasyPrint, turned into an image (not blank) and read back as text."""

import subprocess

import pytest
from django.urls import reverse

from aftersales.settlements import services
from tests.pdf import pdf_text


def _not_blank(pdf: bytes, tmp_path) -> bool:
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
    )
    from PIL import Image

    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    low, high = image.getextrema()
    return low < 128 < high


@pytest.fixture
def paid_in_part(mehr_approved, finance):
    from decimal import Decimal

    services.payment_record(
        settlement=mehr_approved, by=finance, amount=Decimal(600_000), reference="TR-2026-17"
    )
    mehr_approved.refresh_from_db()
    return mehr_approved


def test_an_iranian_agents_statement_is_persian(login, finance, paid_in_part, tmp_path):
    response = login(finance).get(reverse("settlements:statement", args=[paid_in_part.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert '-fa.pdf"' in response["Content-Disposition"]
    pdf = response.content
    assert _not_blank(pdf, tmp_path)
    text = pdf_text(pdf, tmp_path)
    assert paid_in_part.number in text
    assert "TR-2026-17" in text
    assert "۱,۶۰۰,۰۰۰" in text  # the balance, Persian digits
    assert "۱,۰۰۰,۰۰۰" in text  # still open
    assert "ریال" in text


def test_the_statement_in_english_on_request(login, agent_user, paid_in_part, tmp_path):
    response = login(agent_user).get(
        reverse("settlements:statement", args=[paid_in_part.pk]), {"lang": "en"}
    )
    text = pdf_text(response.content, tmp_path)
    assert "Settlement statement" in text
    assert "1,600,000" in text and "1,000,000" in text
    assert "Warranty claim" in text


def test_an_unknown_language_is_not_found(login, finance, paid_in_part):
    response = login(finance).get(
        reverse("settlements:statement", args=[paid_in_part.pk]), {"lang": "de"}
    )
    assert response.status_code == 404
