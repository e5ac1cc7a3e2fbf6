"""The intake receipt PDF, in the customer's language: what was received, read back as text."""

import subprocess

import pytest

pytestmark = pytest.mark.django_db


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_the_receipt_in_english(login, operator, received, tmp_path):
    response = login(operator).get(f"/workshop/jobs/{received.pk}/receipt/?language=en")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response.content, tmp_path)
    for expected in (
        "Workshop intake receipt",
        received.number,
        "AC18-000123",
        "Scratch on the front panel",
        "Remote control, power cord",
        "Tehran service centre",
        received.request.number,
    ):
        assert expected in text, expected


def test_the_receipt_in_persian_by_default(login, operator, received, owner, tmp_path):
    owner.preferred_language = "fa"
    owner.save()
    response = login(operator).get(f"/workshop/jobs/{received.pk}/receipt/")
    text = _text(response.content, tmp_path)
    assert received.number in text and "AC18-000123" in text
    assert "۱۴۰" in text  # the intake day in the Jalali calendar, Persian digits
