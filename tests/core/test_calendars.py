import datetime as dt

from django.utils import translation

from aftersales.core.calendars import parse_jalali, show_date
from aftersales.core.forms import DateField
from aftersales.core.money import show_money


def test_persian_shows_jalali_dates_with_persian_digits():
    with translation.override("fa"):
        assert show_date(dt.date(2024, 3, 20)) == "۱۴۰۳/۰۱/۰۱"


def test_italian_and_english_show_gregorian_dates():
    with translation.override("it"):
        assert show_date(dt.date(2024, 3, 20)) == "20/03/2024"
    with translation.override("en"):
        assert "2024" in show_date(dt.date(2024, 3, 20))


def test_jalali_input_in_any_digits_is_read_as_the_gregorian_date():
    assert parse_jalali("۱۴۰۳/۰۱/۰۱") == dt.date(2024, 3, 20)
    assert parse_jalali("1403-1-1") == dt.date(2024, 3, 20)
    assert parse_jalali("1403/13/01") is None


def test_the_date_field_accepts_jalali_only_for_persian_users():
    with translation.override("fa"):
        assert DateField().clean("۱۴۰۲/۱۲/۲۹") == dt.date(2024, 3, 19)
    with translation.override("en"):
        assert DateField().clean("2024-03-19") == dt.date(2024, 3, 19)


def test_rials_have_no_decimals_and_euros_two():
    with translation.override("en"):
        assert show_money(12500000, "IRR") == "12,500,000 Rial"
        assert show_money(12500000, "IRR", toman=True) == "1,250,000 Toman"
        assert show_money("1234.5", "EUR") == "1,234.50 €"
    with translation.override("fa"):
        assert show_money(1500, "IRR").startswith("۱")
