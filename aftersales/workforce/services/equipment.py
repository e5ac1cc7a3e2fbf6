"""Writes of tools and vehicles: the register, hand-over against a drawn signature, return,
odometer readings and services done."""

import base64
import binascii
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.core.calendars import show_date
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.numbering import next_number

from ..choices import AssetKind
from ..models import Asset, Handover, MileageReading, Technician
from .base import fill

ASSET_FIELDS = (
    "kind",
    "code",
    "name",
    "serial",
    "plate",
    "acquired_on",
    "service_interval_km",
    "service_interval_days",
    "last_service_on",
    "last_service_km",
    "notes",
    "is_active",
)
VEHICLE_ONLY = ("plate", "service_interval_km", "service_interval_days", "last_service_km")
PNG_PREFIX = "data:image/png;base64,"  # what the visit's signature pad posts, too
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 512 * 1024


def _check_asset(asset: Asset) -> None:
    if asset.kind == AssetKind.TOOL:
        for name in VEHICLE_ONLY:
            if getattr(asset, name) not in (None, ""):
                raise ValidationError({name: _("Only a vehicle has this.")})
    if asset.last_service_on and asset.last_service_on > timezone.localdate():
        raise ValidationError({"last_service_on": _("This date is in the future.")})


@transaction.atomic
def asset_create(*, by: User | None, **data) -> Asset:
    """A tool or a vehicle in the register."""
    asset = Asset()
    fill(asset, data, ASSET_FIELDS, check=_check_asset)
    asset.save()
    return asset


@transaction.atomic
def asset_update(*, asset: Asset, by: User | None, **data) -> Asset:
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    if data.get("kind", asset.kind) != asset.kind and asset.readings.exists():
        raise ValidationError({"kind": _("A vehicle with mileage readings stays a vehicle.")})
    if data.get("is_active") is False and asset.handovers.filter(returned_at__isnull=True).exists():
        raise ValidationError({"is_active": _("It is still handed over; record its return first.")})
    fill(asset, data, ASSET_FIELDS, check=_check_asset)
    asset.save()
    return asset


def signature_png(data_url: str) -> bytes:
    """The PNG bytes of a drawn signature posted as a data URL; a clear error otherwise."""
    try:
        if not data_url.startswith(PNG_PREFIX):
            raise ValueError
        content = base64.b64decode(data_url[len(PNG_PREFIX) :], validate=True)
    except (ValueError, binascii.Error):
        content = b""
    if not content.startswith(PNG_MAGIC) or len(content) > MAX_SIGNATURE_BYTES:
        raise ValidationError({"signature": _("The signature is not a valid drawing.")})
    return content


def _lock(asset: Asset) -> Asset:
    return Asset.objects.select_for_update().get(pk=asset.pk)


@transaction.atomic
def handover_issue(
    *,
    asset: Asset,
    technician: Technician,
    signature: str,
    signed_by: str,
    by: User | None,
    condition_out: str = "",
    km_out: int | None = None,
    at: datetime.datetime | None = None,
) -> Handover:
    """Hand a tool or vehicle to a technician; they sign the receipt on the screen."""
    asset = _lock(asset)
    if not asset.is_active:
        raise ValidationError({"asset": _("This tool or vehicle is not in use.")})
    held = asset.handovers.filter(returned_at__isnull=True).select_related("technician").first()
    if held is not None:
        raise ValidationError(
            {
                "asset": _("%(asset)s is held by %(name)s since %(date)s; record its return first.")
                % {
                    "asset": asset.code,
                    "name": held.technician.full_name,
                    "date": show_date(held.handed_at),
                }
            }
        )
    if not technician.is_active:
        raise ValidationError({"technician": _("This technician is not active.")})
    if not signed_by.strip():
        raise ValidationError({"signed_by": _("Write who signed.")})
    content = signature_png(signature)
    at = at or timezone.now()
    if km_out is not None:
        if not asset.is_vehicle:
            raise ValidationError({"km_out": _("Only a vehicle has an odometer.")})
        _reading(asset, km=km_out, read_on=timezone.localdate(at), by=by, field="km_out")
    handover = Handover(
        number=next_number(f"HO-{at.year}"),
        asset=asset,
        technician=technician,
        handed_at=at,
        handed_by=by,
        condition_out=condition_out.strip(),
        km_out=km_out,
        signed_by=signed_by.strip(),
    )
    handover.signature.save(f"{handover.number}.png", ContentFile(content), save=False)
    handover.save()
    return handover


@transaction.atomic
def handover_return(
    *,
    handover: Handover,
    by: User | None,
    condition_in: str = "",
    km_in: int | None = None,
    at: datetime.datetime | None = None,
) -> Handover:
    """The tool or vehicle comes back: who received it, in what condition, at what mileage."""
    asset = _lock(handover.asset)
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    if handover.returned_at is not None:
        raise ValidationError(_("This hand-over was already returned."))
    at = at or timezone.now()
    if at < handover.handed_at:
        raise ValidationError(_("The return cannot be before the hand-over."))
    if km_in is not None:
        if not asset.is_vehicle:
            raise ValidationError({"km_in": _("Only a vehicle has an odometer.")})
        _reading(asset, km=km_in, read_on=timezone.localdate(at), by=by, field="km_in")
    handover.returned_at = at
    handover.received_by = by
    handover.condition_in = condition_in.strip()
    handover.km_in = km_in
    handover.save()
    return handover


def _reading(vehicle: Asset, *, km: int, read_on, by, field="km", note="") -> MileageReading:
    if km < 0:
        raise ValidationError({field: _("The odometer cannot be negative.")})
    if read_on > timezone.localdate():
        raise ValidationError({"read_on": _("This date is in the future.")})
    before = vehicle.readings.filter(read_on__lte=read_on).order_by("-km").first()
    if before is not None and km < before.km:
        raise ValidationError(
            {
                field: _("The odometer read %(km)s km on %(date)s; it cannot go back.")
                % {"km": before.km, "date": show_date(before.read_on)}
            }
        )
    after = vehicle.readings.filter(read_on__gt=read_on).order_by("km").first()
    if after is not None and km > after.km:
        raise ValidationError(
            {
                field: _("A later reading (%(km)s km on %(date)s) is lower than this one.")
                % {"km": after.km, "date": show_date(after.read_on)}
            }
        )
    return MileageReading.objects.create(
        vehicle=vehicle, km=km, read_on=read_on, recorded_by=by, note=note
    )


def _may_record(vehicle: Asset, by: User | None) -> None:
    """Keepers record any vehicle's mileage; a technician only the vehicle they hold."""
    if by is None or by.role != Role.TECHNICIAN:
        return
    if not vehicle.handovers.filter(returned_at__isnull=True, technician__user=by).exists():
        raise PermissionDenied(_("You do not hold this vehicle."))


@transaction.atomic
def mileage_record(
    *, vehicle: Asset, km: int, by: User | None, read_on=None, note: str = ""
) -> MileageReading:
    """An odometer reading; readings never go back in time."""
    vehicle = _lock(vehicle)
    if not vehicle.is_vehicle:
        raise ValidationError(_("Only a vehicle has an odometer."))
    _may_record(vehicle, by)
    return _reading(
        vehicle, km=km, read_on=read_on or timezone.localdate(), by=by, note=note.strip()
    )


@transaction.atomic
def vehicle_serviced(*, vehicle: Asset, on, km: int, by: User | None, note: str = "") -> Asset:
    """A service was done: the next one falls due an interval from this date and mileage."""
    vehicle = _lock(vehicle)
    if not vehicle.is_vehicle:
        raise ValidationError(_("Only a vehicle is serviced here."))
    if vehicle.last_service_on and on < vehicle.last_service_on:
        raise ValidationError({"on": _("A later service is already recorded.")})
    _reading(vehicle, km=km, read_on=on, by=by, note=note.strip() or str(_("Service")))
    vehicle.last_service_on = on
    vehicle.last_service_km = km
    vehicle.save()
    return vehicle
