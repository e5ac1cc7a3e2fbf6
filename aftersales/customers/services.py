"""Writes on customers, their phones and addresses."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core import identity
from aftersales.core.choices import Country, Role
from aftersales.core.models import User
from aftersales.core.phones import validate_phone
from aftersales.core.text import latin_digits

from .choices import CustomerKind
from .models import Address, Customer, Phone

# What customers may change of their own details; the rest (tier, IDs, notes ...) is the staff's.
CUSTOMER_SELF_FIELDS = frozenset(
    {"first_name", "last_name", "email", "preferred_language", "consent_sms", "consent_email"}
)

# an Italian private party's codice destinatario (a public body's has 6: not ours to invoice)
SDI_CODE = re.compile(r"[A-Z0-9]{7}")

CUSTOMER_FIELDS = (
    "kind",
    "first_name",
    "last_name",
    "company_name",
    "country",
    "national_id",
    "vat_number",
    "email",
    "sdi_code",
    "pec",
    "preferred_language",
    "tier",
    "consent_sms",
    "consent_email",
    "notes",
)


def _apply(customer: Customer, data: dict, phones: list[str] | None) -> list[str] | None:
    """Set the fields, check every rule, and answer the phones in E.164 (all errors at once)."""
    consent_before = (customer.consent_sms, customer.consent_email)
    for field in CUSTOMER_FIELDS:
        if field in data:
            setattr(customer, field, data[field])
    if (customer.consent_sms, customer.consent_email) != consent_before and (
        customer.consent_sms or customer.consent_email
    ):
        customer.consent_at = timezone.now()
    errors = _identity_errors(customer)
    numbers = None
    if phones is not None:
        numbers = []
        for raw in phones:
            if not (raw or "").strip():
                continue
            try:
                numbers.append(validate_phone(raw, customer.country))
            except ValidationError as error:
                errors.setdefault("phones", []).extend(error.messages)
        numbers = list(dict.fromkeys(numbers))
    try:
        customer.full_clean(exclude=["user"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return numbers


def _identity_errors(customer: Customer) -> dict[str, list]:
    """Names by kind, identity numbers by country; normalises what it accepts."""
    errors: dict[str, list] = {}
    if customer.kind == CustomerKind.PERSON and not (customer.first_name or customer.last_name):
        errors["last_name"] = [_("Enter the customer's name.")]
    if customer.kind == CustomerKind.COMPANY and not customer.company_name:
        errors["company_name"] = [_("Enter the company's name.")]
    try:
        customer.national_id = national_id_clean(customer.national_id, customer.country)
    except ValidationError as error:
        errors["national_id"] = error.messages
    vat = latin_digits(customer.vat_number or "").strip()
    try:
        customer.vat_number = (
            identity.validate_partita_iva(vat) if vat and customer.country == Country.ITALY else vat
        )
    except ValidationError as error:
        errors["vat_number"] = error.messages
    errors.update(_e_invoicing_errors(customer))
    return errors


def _e_invoicing_errors(customer: Customer) -> dict[str, list]:
    """Where an Italian customer's fatture elettroniche are delivered: the codice destinatario
    (7 letters or digits, kept in capitals) and the PEC; neither is asked of other customers."""
    errors: dict[str, list] = {}
    customer.sdi_code = latin_digits(customer.sdi_code or "").replace(" ", "").upper()
    customer.pec = (customer.pec or "").strip()
    if customer.country != Country.ITALY:
        for name in ("sdi_code", "pec"):
            if getattr(customer, name):
                errors[name] = [_("Only an Italian customer's fatture go through the SdI.")]
        return errors
    if customer.sdi_code and not SDI_CODE.fullmatch(customer.sdi_code):
        errors["sdi_code"] = [
            _("A codice destinatario has 7 letters or digits, e.g. ABC1DEF (0000000 for none).")
        ]
    return errors


def national_id_clean(raw: str, country: str) -> str:
    """Iran: the national code; Italy: a person's codice fiscale or a company's 11-digit code."""
    if not raw:
        return ""
    if country == Country.IRAN:
        return identity.validate_iran_national_code(raw)
    if country == Country.ITALY:
        compact = latin_digits(raw).replace(" ", "").upper()
        if compact.isdigit():
            return identity.validate_partita_iva(compact)
        return identity.validate_codice_fiscale(compact)
    return latin_digits(raw).strip()


@transaction.atomic
def customer_create(
    *, by: User | None, phones: list[str] = (), address: dict | None = None, **data
) -> Customer:
    """A new customer with `phones` in any format (the first is primary) and an optional address."""
    customer = Customer()
    numbers = _apply(customer, data, list(phones))
    customer.save()
    for index, number in enumerate(numbers):
        Phone.objects.create(customer=customer, number=number, is_primary=index == 0)
    if address:
        address_add(customer=customer, by=by, is_default=True, **address)
    return customer


@transaction.atomic
def customer_update(
    *, customer: Customer, by: User | None, phones: list[str] | None = None, **data
) -> Customer:
    """Change a customer's details; `phones`, when given, becomes the full list of numbers."""
    if by is not None and by.role == Role.CUSTOMER:
        kept = sorted(set(data) - CUSTOMER_SELF_FIELDS)
        if kept:
            raise ValidationError({name: [_("Only our staff can change this.")] for name in kept})
    wanted = _apply(customer, data, phones)
    customer.save()
    if wanted is not None:
        customer.phones.exclude(number__in=wanted).delete()
        existing = set(customer.phones.values_list("number", flat=True))
        for number in wanted:
            if number not in existing:
                Phone.objects.create(customer=customer, number=number)
        for index, number in enumerate(wanted):
            customer.phones.filter(number=number).update(is_primary=index == 0)
    return customer


@transaction.atomic
def address_add(
    *, customer: Customer, by: User | None, is_default: bool = False, **data
) -> Address:
    address = Address(customer=customer, is_default=is_default, **data)
    _italian_address(address)
    address.full_clean()
    if is_default:
        customer.addresses.filter(is_default=True).update(is_default=False)
    address.save()
    return address


def _italian_address(address: Address) -> None:
    """An Italian address has a 5-digit CAP (when given), and a provincia typed as its sigla
    ('mi') is kept in capitals ('MI')."""
    if address.country != Country.ITALY:
        return
    address.postal_code = latin_digits(address.postal_code or "").replace(" ", "")
    region = (address.region or "").strip()
    if len(region) == 2 and region.isalpha():
        address.region = region.upper()
    if address.postal_code and not (
        len(address.postal_code) == 5 and address.postal_code.isdigit()
    ):
        raise ValidationError({"postal_code": [_("An Italian CAP has 5 digits, e.g. 20121.")]})


@transaction.atomic
def customer_link_user(*, customer: Customer, user: User) -> Customer:
    """Give a customer a portal login."""
    customer.user = user
    customer.save(update_fields=["user", "updated_at"])
    return customer
