import pytest
from django.core.exceptions import ValidationError

from aftersales.core.identity import (
    is_valid_iran_national_code,
    validate_codice_fiscale,
    validate_iran_national_code,
    validate_partita_iva,
)


@pytest.mark.parametrize("code", ["0084575949", "1111111111", "0012345678"])
def test_iranian_national_codes_with_a_wrong_check_digit_or_all_same_digits_fail(code):
    assert not is_valid_iran_national_code(code)


def test_a_valid_iranian_national_code_passes_in_persian_digits_too():
    assert is_valid_iran_national_code("0499370899")
    assert validate_iran_national_code("۰۴۹۹۳۷۰۸۹۹") == "0499370899"


def test_codice_fiscale_and_partita_iva_are_checked():
    assert validate_codice_fiscale("RCCMNL83S18D969H") == "RCCMNL83S18D969H"
    with pytest.raises(ValidationError):
        validate_codice_fiscale("RCCMNL83S18D969X")
    assert validate_partita_iva("00743110157") == "00743110157"
    with pytest.raises(ValidationError):
        validate_partita_iva("00743110158")
