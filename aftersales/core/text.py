"""Text helpers for three languages: digits in any script, normalised search keys."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import get_language

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, "0123456789" * 2)
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)
# Arabic letters that Persian keyboards type differently; search treats them as the same.
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ة": "ه", "\u200c": " "})
_SPACES = re.compile(r"\s+")


def latin_digits(value: str) -> str:
    """'۰۹۱۲' -> '0912': what users type with a Persian keyboard, read as numbers."""
    return value.translate(_TO_LATIN)


def persian_digits(value: str) -> str:
    return value.translate(_TO_PERSIAN)


def show_number(value, *, trim: bool = True) -> str:
    """A number as the reader writes it: the language's decimal separator (0,75 in Italian),
    Persian digits in Persian, and, with `trim`, a decimal without trailing zeros (10.00 -> 10,
    0.750 -> 0.75). Text that is not a number is returned as it is."""
    if isinstance(value, str | float):
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            return str(value)
    if isinstance(value, Decimal) and trim:
        value = value.quantize(1) if value == value.to_integral_value() else value.normalize()
        value = Decimal(f"{value:f}")  # no exponent: 1E+2 -> 100
    text = number_format(value, use_l10n=True)
    return persian_digits(text) if (get_language() or "").startswith("fa") else text


# A number standing alone in a sentence: not part of a code (a serial, a document number, a phone).
_LONE_NUMBER = re.compile(r"(?<![\w+\-/])\d+(?:[.,]\d+)*(?![\w\-/])")


def persian_digits_in_prose(value: str) -> str:
    """Persian digits for the numbers of a sentence ("at most 100 characters"), leaving codes such
    as `AC18-000123`, `SR-2026-000201` or `+989121234567` as they are written."""
    return _LONE_NUMBER.sub(lambda match: persian_digits(match.group(0)), value)


def search_key(value: str) -> str:
    """A lower-case, digit- and letter-normalised form of a name, for indexed prefix search."""
    value = latin_digits(value or "").translate(_LETTERS).casefold()
    return _SPACES.sub(" ", value).strip()


def normalize_serial(value: str) -> str:
    """Serial numbers are stored upper-case without spaces or dashes' surrounding blanks."""
    return _SPACES.sub("", latin_digits(value or "")).upper()
