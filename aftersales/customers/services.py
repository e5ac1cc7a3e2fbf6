"""Writes on customers, their phones and addresses."""

from django.db import transaction
from django.utils import timezone

from aftersales.core.models import User

from .models import Address, Customer, Phone

CUSTOMER_FIELDS = (
    "kind",
    "first_name",
    "last_name",
    "company_name",
    "country",
    "national_id",
    "vat_number",
    "email",
    "preferred_language",
    "tier",
    "consent_sms",
    "consent_email",
    "notes",
)


def _apply(customer: Customer, data: dict) -> None:
    consent_before = (customer.consent_sms, customer.consent_email)
    for field in CUSTOMER_FIELDS:
        if field in data:
            setattr(customer, field, data[field])
    if (customer.consent_sms, customer.consent_email) != consent_before and (
        customer.consent_sms or customer.consent_email
    ):
        customer.consent_at = timezone.now()
    customer.full_clean(exclude=["user"])


@transaction.atomic
def customer_create(
    *, by: User | None, phones: list[str] = (), address: dict | None = None, **data
) -> Customer:
    """A new customer with E.164 `phones` (the first is primary) and an optional address."""
    customer = Customer()
    _apply(customer, data)
    customer.save()
    for index, number in enumerate(dict.fromkeys(p for p in phones if p)):
        Phone.objects.create(customer=customer, number=number, is_primary=index == 0)
    if address:
        address_add(customer=customer, by=by, is_default=True, **address)
    return customer


@transaction.atomic
def customer_update(
    *, customer: Customer, by: User | None, phones: list[str] | None = None, **data
) -> Customer:
    """Change a customer's details; `phones`, when given, becomes the full list of numbers."""
    _apply(customer, data)
    customer.save()
    if phones is not None:
        wanted = list(dict.fromkeys(p for p in phones if p))
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
    address.full_clean()
    if is_default:
        customer.addresses.filter(is_default=True).update(is_default=False)
    address.save()
    return address


@transaction.atomic
def customer_link_user(*, customer: Customer, user: User) -> Customer:
    """Give a customer a portal login."""
    customer.user = user
    customer.save(update_fields=["user", "updated_at"])
    return customer
