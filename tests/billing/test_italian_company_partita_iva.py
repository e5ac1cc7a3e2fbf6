"""The Italian company's partita IVA is printed on every fattura: finance cannot save a wrong one.
An Iranian company's economic code is not an Italian number and is left as typed."""

from aftersales.billing.models import Company


def _company(**fields) -> dict:
    return {
        "country": "IT",
        "name": "Aftersales Italia S.r.l.",
        "currency": "EUR",
        "vat_number": "",
        "address": "Via Torino 5, 20123 Milano",
        "phone": "",
        "email": "",
        "invoice_prefix": "INV",
        "quote_days": "14",
        **fields,
    }


def test_a_wrong_partita_iva_is_refused_with_an_italian_message(finance, login):
    finance.language = "it"
    finance.save()

    response = login(finance).post(
        "/billing/tariffs/companies/new/", _company(vat_number="01234567890")
    )

    assert response.status_code == 400  # the form again, with the error on the field
    assert "Questa non è una partita IVA valida." in response.content.decode()
    assert not Company.objects.exists()


def test_a_right_one_is_kept_as_its_11_digits(finance, login):
    response = login(finance).post(
        "/billing/tariffs/companies/new/", _company(vat_number="IT 12345670157")
    )

    assert response.status_code == 302
    assert Company.objects.get().vat_number == "12345670157"


def test_an_iranian_economic_code_is_not_checked_as_a_partita_iva(finance, login):
    response = login(finance).post(
        "/billing/tariffs/companies/new/",
        _company(country="IR", name="Aftersales Iran", currency="IRR", vat_number="411234567891"),
    )

    assert response.status_code == 302
    assert Company.objects.get().vat_number == "411234567891"


def test_the_demo_italian_company_has_a_real_partita_iva(db):
    from stdnum.it import iva

    from aftersales.billing.demo import _tariffs

    _tariffs()

    assert iva.is_valid(Company.objects.get(country="IT").vat_number)
