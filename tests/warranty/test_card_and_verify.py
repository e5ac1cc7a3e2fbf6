"""The warranty card PDF (Persian, Italian, English) and the public verification page."""

import datetime as dt
import re
import shutil
import subprocess

import pytest

from aftersales.warranty.cards import card_code
from tests.factories import PhoneFactory


@pytest.fixture
def carded_unit(owned_unit, ac_policy, ac_model):
    owned_unit.product_model = ac_model
    owned_unit.sale_date = dt.date.today() - dt.timedelta(days=30)
    owned_unit.save()
    PhoneFactory(customer=owned_unit.owner, number="+989121112233")
    return owned_unit


POPPLER = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdffonts)"
)


def _poppler(tool: str, pdf: bytes, tmp_path) -> str:
    path = tmp_path / "card.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@POPPLER
@pytest.mark.parametrize("language", ["fa", "it", "en"])
def test_the_card_is_a_pdf_with_text(login, operator, carded_unit, language, tmp_path):
    response = login(operator).get(f"/warranty/units/{carded_unit.pk}/card.pdf?lang={language}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = _poppler("pdftotext", response.content, tmp_path)
    assert carded_unit.serial in text
    assert card_code(carded_unit) in text


@POPPLER
def test_the_persian_card_is_set_in_vazirmatn_with_jalali_dates(
    login, operator, carded_unit, tmp_path
):
    pdf = login(operator).get(f"/warranty/units/{carded_unit.pk}/card.pdf?lang=fa").content
    assert "Vazirmatn" in _poppler("pdffonts", pdf, tmp_path)
    text = _poppler("pdftotext", pdf, tmp_path)
    assert re.search("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", text)  # a Jalali date in Persian digits


def test_the_public_page_confirms_cover_without_personal_data(client, carded_unit):
    code = card_code(carded_unit)
    page = client.get("/warranty/verify/", {"serial": carded_unit.serial.lower(), "code": code})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Covered until" in html
    owner = carded_unit.owner
    for private in (owner.first_name, owner.last_name, "9121112233", "+98912"):
        assert private not in html


def test_a_wrong_code_finds_nothing(client, carded_unit):
    page = client.get("/warranty/verify/", {"serial": carded_unit.serial, "code": "WRONG12345"})
    html = page.content.decode()
    assert "No warranty card matches" in html
    assert "Covered until" not in html


def test_the_card_code_is_stable_and_short(carded_unit):
    assert card_code(carded_unit) == card_code(carded_unit)
    assert re.fullmatch(r"[A-Z2-7]{10}", card_code(carded_unit))


def test_the_qr_code_is_svg_of_the_verification_address():
    from aftersales.warranty.cards import qr_svg

    svg = qr_svg("https://example.com/warranty/verify/?serial=AC1&code=ABCDEFGHIJ")
    assert svg.startswith("<svg") and "<path" in svg


def test_a_refused_check_says_why(client, db):
    response = client.get("/warranty/verify/", {"serial": "A" * 61, "code": "X"})
    page = response.content.decode()
    assert "Ensure this value has at most 60 characters" in page
    assert 'class="form-control mb-2 is-invalid" id="id_serial"' in page
