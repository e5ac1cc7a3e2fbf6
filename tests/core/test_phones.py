import pytest

from aftersales.core.phones import parse_phone


@pytest.mark.parametrize(
    "typed",
    [
        "09123456789",
        "0912 345 6789",
        "+98 912 345 6789",
        "00989123456789",
        "۰۹۱۲۳۴۵۶۷۸۹",
        "٠٩١٢-٣٤٥-٦٧٨٩",
    ],
)
def test_an_iranian_mobile_typed_any_way_is_read_as_one_number(typed):
    assert parse_phone(typed) == "+989123456789"


def test_an_italian_mobile_without_country_code_is_read_as_italian():
    assert parse_phone("333 123 4567") == "+393331234567"


@pytest.mark.parametrize("typed", ["", "12", "hello", "0912", "0912 abc", "02 FLOWERS"])
def test_what_is_not_a_phone_number_is_refused(typed):
    assert parse_phone(typed) is None


def test_an_italian_mobile_whose_prefix_is_also_an_iranian_area_code_stays_italian():
    assert parse_phone("347 123 4567") == "+393471234567"
    assert parse_phone("0347 123 4567") != "+393471234567"  # with a trunk 0 it is Iranian-style
