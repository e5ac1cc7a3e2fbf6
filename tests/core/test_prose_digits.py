"""Persian pages show the numbers of Django's own messages in Persian digits, codes as written."""

import pytest

from aftersales.core.text import persian_digits_in_prose


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("at most 100 characters (it has 150).", "at most ۱۰۰ characters (it has ۱۵۰)."),
        (
            "no more than 2 decimal places, 1,500.25 given",
            "no more than ۲ decimal places, ۱,۵۰۰.۲۵ given",
        ),
        ("serial AC18-000123 is taken", "serial AC18-000123 is taken"),
        ("request SR-2026-000201 for +989121234567", "request SR-2026-000201 for +989121234567"),
        ("on 2026/12/07", "on 2026/12/07"),
    ],
)
def test_numbers_standing_alone_turn_persian(sentence, shown):
    assert persian_digits_in_prose(sentence) == shown


@pytest.mark.django_db
def test_a_refused_field_says_its_limit_in_persian_digits(owner, login):
    owner.user.language = "fa"
    owner.user.save()
    data = {"first_name": "x" * 150, "last_name": "Karimi", "phone": "09121234567"}
    page = login(owner.user).post("/my/details/", data).content.decode()
    assert "۱۰۰" in page and "۱۵۰" in page
    assert "(150" not in page
