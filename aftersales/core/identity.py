"""Identity numbers: Iranian national code (our own check), codice fiscale and partita IVA."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.it import codicefiscale, iva

from .text import latin_digits


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
