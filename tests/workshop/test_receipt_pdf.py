"""The intake receipt PDF, in the customer's language: what was received, read back as text."""

import pytest

from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_the_receipt_in_english(login, operator, received, tmp_path):
    response = login(operator).get(f"/workshop/jobs/{received.pk}/receipt/?language=en")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
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
    text = pdf_text(response.content, tmp_path)
    assert received.number in text and "AC18-000123" in text
    assert "۱۴۰" in text  # the intake day in the Jalali calendar, Persian digits
