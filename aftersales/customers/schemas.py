"""API schemas for customers: what comes in (typed as people type it) and what goes out."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Schema

from aftersales.core.choices import Country, Language, Role
from aftersales.core.text import latin_digits

from .choices import CustomerKind, CustomerTier, PhoneKind
from .models import Customer

# Fields a customer may change on their own record; the rest is kept by staff.
# The errors an endpoint may answer, each with an `ErrorOut` body (see aftersales/api.py).
ERRORS = frozenset({401, 403, 404, 422})


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="Messages by field name; `__all__` for the whole."
    )


class CustomerFilters(Schema):
    q: str | None = Field(
        None, description="Phone (any format), national ID / tax code, or start of the name."
    )
    country: Country | None = None
    tier: CustomerTier | None = None


class AddressIn(Schema):
    label: str = Field("", max_length=50)
    country: Country = Country.IRAN
    region: str = Field(..., max_length=100)
    city: str = Field(..., max_length=100)
    line: str = Field(..., max_length=300)
    postal_code: str = Field("", max_length=20)
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    longitude: Decimal | None = Field(None, ge=-180, le=180)

    def service_data(self) -> dict:
        data = self.dict()
        data["postal_code"] = latin_digits(data["postal_code"]).strip()
        if (data["latitude"] is None) != (data["longitude"] is None):
            raise ValidationError({"address": [_("Give both latitude and longitude, or neither.")]})
        return data


class CustomerIn(Schema):
    """A new customer. Phones in any format or digits; the first one is the primary."""

    kind: CustomerKind = CustomerKind.PERSON
    first_name: str = Field("", max_length=100)
    last_name: str = Field("", max_length=100)
    company_name: str = Field("", max_length=200)
    country: Country = Country.IRAN
    national_id: str = Field(
        "",
        max_length=40,
        description="Iranian national code (Iran); codice fiscale or 11-digit tax code (Italy).",
    )
    vat_number: str = Field("", max_length=40, description="Partita IVA (Italy).")
    sdi_code: str = Field(
        "",
        max_length=7,
        description="Italy: codice destinatario, 7 letters or digits; empty means 0000000.",
    )
    pec: str = Field("", max_length=254, description="Italy: certified e-mail (PEC).")
    email: str = Field("", max_length=254)
    preferred_language: Language = Language.PERSIAN
    tier: CustomerTier = CustomerTier.STANDARD
    consent_sms: bool = False
    consent_email: bool = False
    notes: str = ""
    phones: list[str] = Field(default_factory=list, max_length=10)
    address: AddressIn | None = None

    def service_data(self) -> dict:
        """Keyword arguments for `customer_create`, or a ValidationError naming each field."""
        data = self.dict(exclude={"address"})
        address = self.address.service_data() if self.address else None
        if address:
            data["address"] = address
        return data


class CustomerPatch(Schema):
    """A change to some of a customer's details; `phones`, when given, is the full list."""

    kind: CustomerKind | None = None
    first_name: str | None = Field(None, max_length=100)
    last_name: str | None = Field(None, max_length=100)
    company_name: str | None = Field(None, max_length=200)
    country: Country | None = None
    national_id: str | None = Field(None, max_length=40)
    vat_number: str | None = Field(None, max_length=40)
    sdi_code: str | None = Field(None, max_length=7)
    pec: str | None = Field(None, max_length=254)
    email: str | None = Field(None, max_length=254)
    preferred_language: Language | None = None
    tier: CustomerTier | None = None
    consent_sms: bool | None = None
    consent_email: bool | None = None
    notes: str | None = None
    phones: list[str] | None = Field(None, max_length=10)

    def service_data(self, customer: Customer) -> dict:
        """Keyword arguments for `customer_update`, or a ValidationError naming each field."""
        data = {k: v for k, v in self.dict(exclude_unset=True).items() if v is not None}
        return data


class PhoneOut(Schema):
    number: str = Field(..., description="E.164, e.g. +989123456789.")
    kind: PhoneKind
    is_primary: bool


class AddressOut(Schema):
    id: int
    label: str
    country: Country
    region: str
    city: str
    line: str
    postal_code: str
    latitude: Decimal | None
    longitude: Decimal | None
    is_default: bool


class CustomerSummary(Schema):
    id: int
    display_name: str


class CustomerOut(Schema):
    id: int
    kind: CustomerKind
    display_name: str
    country: Country
    tier: CustomerTier
    email: str
    primary_phone: str | None

    @staticmethod
    def resolve_primary_phone(obj) -> str | None:
        phone = obj.primary_phone
        return phone.number if phone else None


class CustomerDetail(CustomerOut):
    first_name: str
    last_name: str
    company_name: str
    national_id: str
    vat_number: str
    sdi_code: str = Field(..., description="Italy: codice destinatario; empty means 0000000.")
    pec: str = Field(..., description="Italy: certified e-mail (PEC).")
    preferred_language: Language
    consent_sms: bool
    consent_email: bool
    consent_at: dt.datetime | None
    notes: str
    phones: list[PhoneOut]
    addresses: list[AddressOut]
    unit_count: int = Field(..., description="Units of this customer that the caller may see.")
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_notes(obj, context) -> str:
        request = context["request"] if context else None
        if request is not None and request.user.role == Role.CUSTOMER:
            return ""  # staff notes are not shown to the customer
        return obj.notes
