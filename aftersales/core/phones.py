"""Phone numbers: parsed with `phonenumbers`, stored in E.164, typed in any format or digits."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import latin_digits


def parse_phone(raw: str, region: str | None = None) -> str | None:
    """The E.164 form of `raw`, or None when it is not a valid number in any of our regions."""
    text = latin_digits(raw or "").strip()
    if not text or any(char.isalpha() for char in text):
        return None  # letters would be read as a keypad's digits: "0912 abc" is 0912222
    if text.startswith("00"):
        text = "+" + text[2:]
    regions = list(settings.PHONE_REGIONS)
    if not text.startswith(("+", "0")) and "IT" in regions:
        # Iranian numbers typed nationally always start with the trunk 0; Italian mobiles with 3
        regions.remove("IT")
        regions.insert(0, "IT")
    if region:
        regions = [region] + [r for r in regions if r != region]
    for candidate in regions:
        try:
            number = phonenumbers.parse(text, candidate)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def validate_phone(raw: str, region: str | None = None) -> str:
    number = parse_phone(raw, region)
    if number is None:
        raise ValidationError(
            _("“%(value)s” is not a valid phone number."), code="phone", params={"value": raw}
        )
    return number


def format_phone(e164: str) -> str:
    """International format for display: +98 912 345 6789."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
