"""Form fields that speak the user's language: Jalali dates for `fa`, phones in any format."""

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext_lazy as _

from . import calendars, identity, phones
from .text import latin_digits, persian_digits

# Django 6's label of an empty choice, which its own Persian and Italian catalogues lack: ours
# translate it (LOCALE_PATHS come before Django's).
gettext_noop("- Select an option -")

INTEGER_MAX = 2_147_483_647  # the largest whole number an integer column holds on every database


class JalaliDateInput(forms.DateInput):
    """A text box showing yyyy/mm/dd Jalali for `fa`, the ISO date otherwise (native picker)."""

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        if calendars.uses_jalali():
            widget["type"] = "text"
            widget["attrs"].setdefault("placeholder", "۱۴۰۳/۰۱/۳۱")
            widget["attrs"]["inputmode"] = "numeric"
            widget["attrs"]["data-calendar"] = "jalali"
            if isinstance(value, dt.date):
                widget["value"] = persian_digits(calendars.jalali_text(value))
        else:
            widget["type"] = "date"
        return context


class NumberInput(forms.NumberInput):
    """A number box; for `fa` a text box with a numeric keyboard, since a browser's number box
    drops the digits a Persian keyboard types. Persian digits and decimal separator read as
    Latin."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if calendars.uses_jalali():
            widget = context["widget"]
            widget["type"] = "text"
            whole = str(widget["attrs"].get("step", "1")) == "1"
            widget["attrs"]["inputmode"] = "numeric" if whole else "decimal"
            widget["attrs"]["dir"] = "ltr"
            if widget["value"] not in (None, ""):  # read back as Latin (value_from_datadict)
                widget["value"] = persian_digits(str(widget["value"])).replace(".", "\u066b")
        return context

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str):
            value = latin_digits(value).replace("\u066b", ".")  # ٫, the Persian decimal point
        return value


def _italian() -> bool:
    return (get_language() or "").startswith("it")


_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+$")


def typed_decimal(text: str) -> str:
    """A number as its reader typed it, as Python reads it. Italian: '1.234,50' and '48,50'
    (a comma for the decimals, dots between thousands; '48.50' is still read as 48.50, a dot
    before three digits as thousands); otherwise commas and Persian separators group thousands
    ('1,870,000', '۱٬۸۷۰٬۰۰۰') and the point (or Persian ٫) marks the decimals."""
    text = latin_digits(text).replace("\u066b", ".").replace("٬", "")
    text = "".join(text.split())
    if _italian():
        if "," in text:
            return text.replace(".", "").replace(",", ".")
        return text.replace(".", "") if _THOUSANDS.match(text) else text
    return text.replace(",", "")


class DecimalInput(NumberInput):
    """In Italian a text box with a decimal keyboard, showing '48,50': a browser's number box
    follows its own locale, and an English one reads '48,50' as 4850. Elsewhere `NumberInput`."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if _italian():
            widget = context["widget"]
            widget["type"] = "text"
            widget["attrs"]["inputmode"] = "decimal"
            widget["attrs"]["dir"] = "ltr"
            widget["attrs"].pop("step", None)
            if isinstance(value, (Decimal, int, float)):
                widget["value"] = number_format(value, use_l10n=True)
        return context


class AmountField(forms.DecimalField):
    """An amount or a quantity typed the reader's way (`typed_decimal`): Latin or Persian
    digits, thousands grouped or not, a decimal comma in Italian."""

    widget = DecimalInput

    def to_python(self, value):
        if isinstance(value, str):
            value = typed_decimal(value)
        return super().to_python(value)


class DateField(forms.DateField):
    """Accepts a Jalali date (Persian or Latin digits) when the user speaks Persian."""

    widget = JalaliDateInput
    default_error_messages = {"invalid": _("Enter a valid date.")}

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            if calendars.uses_jalali():
                parsed = calendars.parse_jalali(value)
                if parsed is not None:
                    return parsed
            value = latin_digits(value)
        return super().to_python(value)


class PhoneField(forms.CharField):
    """A phone number typed in any format or digits; cleaned to E.164."""

    def __init__(self, *, region: str | None = None, **kwargs):
        self.region = region
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "tel")
        self.widget.attrs.setdefault("dir", "ltr")

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return ""
        return phones.validate_phone(value, self.region)


class IranNationalCodeField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return identity.validate_iran_national_code(value) if value else ""


class BootstrapMixin:
    """Adds Bootstrap classes to every widget, and `is-invalid` to fields with errors."""

    empty_choice = _("Choose…")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            self._style(field)

    def _style(self, field) -> None:
        if getattr(field, "_styled", False):
            return
        field._styled = True
        if getattr(field, "empty_label", None) is not None:
            field.empty_label = self.empty_choice
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, (forms.Select, forms.SelectMultiple)):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
        if type(widget) is forms.NumberInput:
            widget.__class__ = NumberInput  # this form's own copy of the widget
        _bound_whole_numbers(field)

    def __getitem__(self, name):
        if name in self.fields:
            self._style(self.fields[name])  # also the fields a form adds after this __init__
        return super().__getitem__(name)

    def full_clean(self):
        for field in self.fields.values():
            self._style(field)
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = widget.attrs.get("class", "") + " is-invalid"
                widget.attrs["aria-invalid"] = "true"


def _bound_whole_numbers(field) -> None:
    """A whole number without a maximum gets the database's, so a huge one is an error on the
    form rather than a failed write."""
    if not isinstance(field, forms.IntegerField) or isinstance(
        field, (forms.FloatField, forms.DecimalField)
    ):
        return
    if field.max_value is None or field.max_value > INTEGER_MAX:
        field.max_value = INTEGER_MAX
        field.validators.append(MaxValueValidator(INTEGER_MAX))
        field.widget.attrs["max"] = INTEGER_MAX


def clean_file_size(upload, *, max_mb: int):
    if upload and upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(max)s MB."),
            code="too_big",
            params={"max": persian_digits(str(max_mb)) if calendars.uses_jalali() else max_mb},
        )
    return upload


class FilterForm(BootstrapMixin, forms.Form):
    """The form class of every FilterSet, so filters look like the rest of the UI."""

    empty_choice = _("All")  # an empty filter keeps every record
