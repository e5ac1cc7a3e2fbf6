"""Identity numbers: Iranian national code and legal-entity ID (our own checks), codice fiscale,
partita IVA, and bank accounts (IBAN; Iran's Sheba is an IBAN that stdnum's registry lacks)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import bic, iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.iso7064 import mod_97_10
from stdnum.it import codicefiscale, iva

from .choices import Country
from .text import latin_digits


def country_name(code: str) -> str:
    return str(Country(code).label) if code in Country.values else code


def is_valid_iran_national_code(code: str) -> bool:
    """The 10-digit Iranian national code (کد ملی) with its mod-11 check digit."""
    if len(code) != 10 or not code.isdigit() or len(set(code)) == 1:
        return False
    total = sum(int(code[i]) * (10 - i) for i in range(9)) % 11
    check = int(code[9])
    return check == total if total < 2 else check == 11 - total


def validate_iran_national_code(raw: str) -> str:
    code = latin_digits(raw or "").replace("-", "").strip()
    if not is_valid_iran_national_code(code):
        raise ValidationError(_("This is not a valid Iranian national code."), code="national_id")
    return code


def is_valid_iran_legal_id(code: str) -> bool:
    """The 11-digit national ID of an Iranian company or organisation (شناسه ملی): each of the
    first ten digits raised by the tenth plus two, weighted 29, 27, 23, 19, 17 in turn; the sum
    modulo 11 (10 counting as 0) is the eleventh. Digits four to nine are never all zero."""
    if len(code) != 11 or not code.isdigit() or int(code[3:9]) == 0:
        return False
    raise_by = int(code[9]) + 2
    weights = (29, 27, 23, 19, 17)
    total = sum((raise_by + int(code[i])) * weights[i % 5] for i in range(10)) % 11
    return int(code[10]) == total % 10


def validate_iran_tax_id(raw: str) -> str:
    """A person's national code (10 digits) or a company's national ID (11 digits)."""
    code = latin_digits(raw or "").replace("-", "").replace(" ", "").strip()
    if is_valid_iran_national_code(code) or is_valid_iran_legal_id(code):
        return code
    raise ValidationError(
        _(
            "This is neither a valid national code (10 digits) "
            "nor a company's national ID (11 digits)."
        ),
        code="tax_id",
    )


def validate_iban(raw: str, *, country: str = "") -> str:
    """An IBAN, compact and upper-case; with `country`, one of that country's banks. An Iranian
    Sheba is IR and 24 digits with the IBAN's check digits."""
    number = iban.compact(latin_digits(raw or ""))
    if country and not number.startswith(country):
        raise ValidationError(
            _("Give an IBAN of a bank in %(country)s (it starts with %(code)s).")
            % {"country": country_name(country), "code": country},
            code="iban_country",
        )
    try:
        if number.startswith("IR"):
            if len(number) != 26 or not number[2:].isdigit():
                raise StdnumError()
            mod_97_10.validate(number[4:] + number[:4])
        else:
            iban.validate(number)
    except StdnumError as error:
        raise ValidationError(_("This is not a valid IBAN."), code="iban") from error
    return number


def validate_bic(raw: str) -> str:
    try:
        return bic.validate(raw)
    except StdnumError as error:
        raise ValidationError(
            _("This is not a valid BIC (8 or 11 letters and digits)."), code="bic"
        ) from error


def show_iban(number: str) -> str:
    """An IBAN in groups of four, as banks print it."""
    return iban.format(number) if number else ""


def validate_codice_fiscale(raw: str) -> str:
    try:
        return codicefiscale.validate(raw)
    except StdnumError as error:
        raise ValidationError(_("This is not a valid codice fiscale."), code="cf") from error


def validate_partita_iva(raw: str) -> str:
    try:
        return iva.validate(latin_digits(raw))
    except StdnumError as error:
        raise ValidationError(_("This is not a valid partita IVA."), code="iva") from error
