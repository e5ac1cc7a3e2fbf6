"""Writes on the installed base: units, transfers of ownership, meter readings, registrations."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.club import services as club
from aftersales.club.choices import Event
from aftersales.core.models import User
from aftersales.core.money import PRECISION, quantize
from aftersales.core.numbering import next_number
from aftersales.core.text import normalize_serial
from aftersales.customers.models import Customer

from .choices import RegistrationStatus, UnitSource
from .models import SALE_PRICE_NEGATIVE, MeterReading, OwnershipChange, Registration, Unit
from .selectors import home_currency

UNIT_FIELDS = (
    "product_model",
    "status",
    "production_date",
    "batch",
    "sale_date",
    "dealer",
    "sale_invoice",
    "sale_price",
    "sale_currency",
    "installation_date",
    "installation_address",
    "installer",
    "owner",
    "service_agent",
)


def _apply(unit: Unit, data: dict) -> None:
    if not data.get("sale_currency"):  # not given: a new unit's is the company's currency
        data.pop("sale_currency", None)
        if unit._state.adding:
            unit.sale_currency = home_currency()
    for field in UNIT_FIELDS:
        if field in data:
            setattr(unit, field, data[field])
    if "serial" in data:
        unit.serial = normalize_serial(data["serial"])
    if (
        unit.installation_address_id
        and unit.owner_id
        and unit.installation_address.customer_id != unit.owner_id
    ):
        raise ValidationError(
            {"installation_address": _("The address must be one of the owner's.")}
        )
    if unit.sale_date and unit.production_date and unit.sale_date < unit.production_date:
        raise ValidationError({"sale_date": _("A unit cannot be sold before it is made.")})
    if unit.installation_date and unit.sale_date and unit.installation_date < unit.sale_date:
        raise ValidationError(
            {"installation_date": _("A unit cannot be installed before it is sold.")}
        )
    _check_price(unit.sale_price, unit.sale_currency)
    unit.full_clean(exclude=["import_batch", "replaced_by"])


def price_error(price: Decimal, currency: str) -> str | None:
    """Why `price` cannot be a sale price in `currency` (None when it can)."""
    if price < 0:
        return str(SALE_PRICE_NEGATIVE)
    if quantize(price, currency) != price:
        return _("Give the price with at most %(places)s decimals in %(currency)s.") % {
            "places": PRECISION.get(currency, 2),
            "currency": currency,
        }
    if price >= Decimal(10) ** 14:
        return _("This price is too large.")
    return None


def _check_price(price: Decimal | None, currency: str) -> None:
    if price is None:
        return
    if message := price_error(Decimal(price), currency):
        raise ValidationError({"sale_price": message})


@transaction.atomic
def unit_create(*, by: User | None, source: str = UnitSource.STAFF, **data) -> Unit:
    """A new unit; the serial is normalised and must be new for its model."""
    unit = Unit(source=source)
    _apply(unit, data)
    unit.save()
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, by: User | None, **data) -> Unit:
    data.pop("owner", None)  # ownership changes only through unit_transfer, so history is kept
    _apply(unit, data)
    unit.save()
    return unit


@transaction.atomic
def unit_transfer(
    *, unit: Unit, to: Customer, by: User | None, on: dt.date, note: str = ""
) -> Unit:
    """Pass the unit to a new owner, keeping the ownership history."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    if unit.owner_id == to.pk:
        raise ValidationError({"new_owner": _("This customer already owns the unit.")})
    OwnershipChange.objects.create(
        unit=unit, previous_owner=unit.owner, new_owner=to, date=on, note=note, recorded_by=by
    )
    unit.owner = to
    if unit.installation_address_id and unit.installation_address.customer_id != to.pk:
        unit.installation_address = None
    unit.save(update_fields=["owner", "installation_address"])
    return unit


@transaction.atomic
def meter_reading_add(
    *, unit: Unit, value: Decimal, by: User | None, at: dt.datetime | None = None
) -> MeterReading:
    """Record a meter reading; a meter never runs backwards."""
    at = at or timezone.now()
    if unit.product_model.usage_meter == "none":
        raise ValidationError({"value": _("This model has no usage meter.")})
    if at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"read_at": _("A reading cannot be in the future.")})
    before = unit.meter_readings.filter(read_at__lte=at).order_by("-read_at", "-pk").first()
    after = unit.meter_readings.filter(read_at__gt=at).order_by("read_at", "pk").first()
    if before and value < before.value:
        raise ValidationError(
            {
                "value": _("The reading is lower than an earlier one (%(value)s).")
                % {"value": before.value}
            }
        )
    if after and value > after.value:
        raise ValidationError(
            {
                "value": _("The reading is higher than a later one (%(value)s).")
                % {"value": after.value}
            }
        )
    reading = MeterReading(unit=unit, value=value, read_at=at, recorded_by=by)
    reading.full_clean()
    reading.save()
    return reading


@transaction.atomic
def registration_submit(
    *,
    customer: Customer,
    product_model,
    serial: str,
    purchase_date: dt.date,
    proof,
    dealer: str = "",
    installation_address=None,
) -> Registration:
    """A customer asks to register a unit they bought; staff confirm it later."""
    serial = normalize_serial(serial)
    if purchase_date > timezone.localdate():
        raise ValidationError({"purchase_date": _("The purchase date cannot be in the future.")})
    pending = Registration.objects.filter(
        product_model=product_model, serial=serial, status=RegistrationStatus.PENDING
    )
    if pending.exists():
        raise ValidationError({"serial": _("This unit is already waiting for review.")})
    same = Unit.objects.filter(product_model=product_model, serial=serial)
    if same.filter(owner=customer).exists():
        raise ValidationError({"serial": _("This product is already registered to you.")})
    taken = same.exclude(owner=customer)
    if taken.filter(owner__isnull=False).exists():
        raise ValidationError(
            {"serial": _("This unit is registered to someone else. Please call us.")}
        )
    if installation_address is not None and installation_address.customer_id != customer.pk:
        raise ValidationError({"installation_address": _("Choose one of your addresses.")})
    registration = Registration(
        number=next_number(f"REG-{timezone.localdate().year}"),
        customer=customer,
        product_model=product_model,
        serial=serial,
        purchase_date=purchase_date,
        dealer=dealer,
        proof=proof,
        installation_address=installation_address,
    )
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def registration_confirm(*, registration: Registration, by: User) -> Unit:
    """Staff confirm a registration: the unit is created (or taken over) for the customer."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.PENDING:
        raise ValidationError(_("This registration has already been reviewed."))
    unit = Unit.objects.filter(
        product_model=registration.product_model, serial=registration.serial
    ).first()
    if unit is None:
        unit = unit_create(
            by=by,
            source=UnitSource.PORTAL,
            product_model=registration.product_model,
            serial=registration.serial,
            sale_date=registration.purchase_date,
            dealer=registration.dealer,
            owner=registration.customer,
            installation_address=registration.installation_address,
        )
    elif unit.owner_id is None:
        unit.owner = registration.customer
        unit.sale_date = unit.sale_date or registration.purchase_date
        unit.installation_address = registration.installation_address
        unit.save()
    elif unit.owner_id != registration.customer_id:
        raise ValidationError(_("This unit belongs to another customer: transfer it first."))
    registration.status = RegistrationStatus.CONFIRMED
    registration.unit = unit
    registration.reviewed_by = by
    registration.reviewed_at = timezone.now()
    registration.save()
    club.award(
        customer=registration.customer, event=Event.REGISTRATION, reference=registration.number
    )
    return unit


@transaction.atomic
def registration_reject(*, registration: Registration, by: User, reason: str) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.PENDING:
        raise ValidationError(_("This registration has already been reviewed."))
    if not reason.strip():
        raise ValidationError({"rejection_reason": _("Tell the customer why.")})
    registration.status = RegistrationStatus.REJECTED
    registration.rejection_reason = reason
    registration.reviewed_by = by
    registration.reviewed_at = timezone.now()
    registration.save()
    return registration
