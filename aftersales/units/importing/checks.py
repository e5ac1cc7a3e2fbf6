"""Checking every row in memory before anything is written, with errors per row and column."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.agents.models import Agent
from aftersales.catalog.models import ProductModel
from aftersales.core.choices import Currency
from aftersales.core.phones import parse_phone
from aftersales.core.text import normalize_serial

from ..selectors import home_currency
from ..services import price_error
from .files import (
    BadValue,
    Row,
    cell_text,
    clean_national_id,
    header_key,
    parse_import_date,
    parse_import_price,
)
from .rules import (
    COLUMNS,
    MAX_LENGTHS,
    MAX_STORED_ERRORS,
    REQUIRED_COLUMNS,
    SPACES,
    ImportFileError,
)


class RowChecker:
    """Validates rows against the catalogue and agents loaded once; collects the errors."""

    def __init__(self, columns: dict[str, int]):
        self.text_columns = [(n, i) for n, i in columns.items() if not n.endswith("_date")]
        self.date_columns = [(n, i) for n, i in columns.items() if n.endswith("_date")]
        self.models = {
            code.upper(): pk for pk, code in ProductModel.objects.values_list("pk", "code")
        }
        self.agents = {code.upper(): pk for pk, code in Agent.objects.values_list("pk", "code")}
        self.today = timezone.localdate()
        self.currency = home_currency()  # of the prices of a file without a sale_currency
        self.seen: dict[tuple[int, str], int] = {}
        self.dates: dict[str, dt.date | None | BadValue] = {}
        self.phones: dict[str, str | None] = {}
        self.errors: list[dict] = []
        self.error_count = 0
        self.failed = 0

    def error(self, row: int, column: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append({"row": row, "column": column, "message": message})

    def _date(self, number: int, column: str, raw) -> dt.date | None:
        """The date in `raw`, or None when it is empty or bad (the error is recorded)."""
        key = raw if isinstance(raw, str) else None
        if key is not None and key in self.dates:
            parsed = self.dates[key]
        else:
            try:
                parsed = parse_import_date(raw)
            except BadValue as error:
                parsed = error
            if key is not None:
                self.dates[key] = parsed
        if isinstance(parsed, BadValue):
            self.error(
                number,
                column,
                _("“%(value)s” is not a date: use yyyy-mm-dd, dd/mm/yyyy or Jalali yyyy/mm/dd.")
                % {"value": cell_text(raw)},
            )
            return None
        if parsed is not None and parsed > self.today:
            self.error(number, column, _("The date cannot be in the future."))
            return None
        return parsed

    def _price(self, number: int, values: dict) -> tuple:
        """(sale price or None, its currency); a bad one is recorded as an error."""
        currency = self.currency
        if code := values.get("sale_currency", ""):
            if code.upper() in Currency.values:
                currency = code.upper()
            else:
                self.error(
                    number,
                    "sale_currency",
                    _("Unknown currency “%(code)s”: use IRR or EUR.") % {"code": code},
                )
                return None, currency
        raw = values.get("sale_price", "")
        if not raw:
            return None, currency
        try:
            price = parse_import_price(raw)
        except BadValue:
            self.error(
                number,
                "sale_price",
                _("“%(value)s” is not a price: write the amount in digits, e.g. 450000000.")
                % {"value": raw},
            )
            return None, currency
        if price is not None and (message := price_error(price, currency)):
            self.error(number, "sale_price", message)
            return None, currency
        return price, currency

    def check(self, number: int, cells) -> Row | None:
        """The row ready to write, or None (with its errors recorded) when it is invalid."""
        width = len(cells)
        values = {}
        for name, index in self.text_columns:
            value = cells[index] if index < width else ""
            values[name] = value.strip() if value.__class__ is str else cell_text(value)
        raw_dates = {}
        for name, index in self.date_columns:
            value = cells[index] if index < width else None
            raw_dates[name] = value.strip() if value.__class__ is str else value
        errors_before = self.error_count

        model_id = None
        code = values.get("model_code", "")
        if not code:
            self.error(number, "model_code", _("The model code is missing."))
        else:
            model_id = self.models.get(code.upper())
            if model_id is None:
                self.error(
                    number, "model_code", _("Unknown model code “%(code)s”.") % {"code": code}
                )

        serial = normalize_serial(values.get("serial", ""))
        if not serial:
            self.error(number, "serial", _("The serial number is missing."))

        for name, limit in MAX_LENGTHS.items():
            text = serial if name == "serial" else values.get(name, "")
            if len(text) > limit:
                self.error(
                    number,
                    name,
                    _("The text is too long (at most %(max)s characters).") % {"max": limit},
                )

        production_date = self._date(number, "production_date", raw_dates.get("production_date"))
        sale_date = self._date(number, "sale_date", raw_dates.get("sale_date"))
        if production_date and sale_date and sale_date < production_date:
            self.error(number, "sale_date", _("A unit cannot be sold before it is made."))

        sale_price, sale_currency = self._price(number, values)

        agent_id = None
        if agent_code := values.get("service_agent_code", ""):
            agent_id = self.agents.get(agent_code.upper())
            if agent_id is None:
                self.error(
                    number,
                    "service_agent_code",
                    _("Unknown agent code “%(code)s”.") % {"code": agent_code},
                )

        phone = ""
        if raw_phone := values.get("customer_phone", ""):
            if raw_phone not in self.phones:
                self.phones[raw_phone] = parse_phone(raw_phone)
            phone = self.phones[raw_phone] or ""
            if not phone:
                self.error(
                    number,
                    "customer_phone",
                    _("“%(value)s” is not a valid phone number.") % {"value": raw_phone},
                )

        national_id = ""
        if raw_id := values.get("customer_national_id", ""):
            try:
                national_id = clean_national_id(raw_id)
            except BadValue:
                self.error(
                    number,
                    "customer_national_id",
                    _("“%(value)s” is not a valid national code or codice fiscale.")
                    % {"value": raw_id},
                )

        if model_id is not None and serial:
            first = self.seen.get((model_id, serial))
            if first is not None:
                self.error(
                    number,
                    "serial",
                    _("The serial number %(serial)s of this model is already in row %(row)s.")
                    % {"serial": serial, "row": first},
                )
            elif self.error_count == errors_before:
                self.seen[(model_id, serial)] = number

        if self.error_count != errors_before:
            self.failed += 1
            return None
        return Row(
            number=number,
            model_id=model_id,
            serial=serial,
            production_date=production_date,
            batch=values.get("batch", ""),
            sale_date=sale_date,
            dealer=values.get("dealer", ""),
            sale_invoice=values.get("sale_invoice", ""),
            sale_price=sale_price,
            sale_currency=sale_currency,
            agent_id=agent_id,
            customer_name=SPACES.sub(" ", values.get("customer_name", "")),
            phone=phone,
            national_id=national_id,
            city=values.get("city", ""),
            region=values.get("region", ""),
            address=values.get("address", ""),
        )


def columns_of(header) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(header):
        key = header_key(value)
        if key in COLUMNS and key not in found:
            found[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in found]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return found


def is_blank(cells) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)
