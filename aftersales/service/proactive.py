"""Proactive services: maintenance plans and recall / field campaigns open requests by themselves.

`proactive_run(today=...)` is the scheduled job (task `proactive_requests_create`, command
`service_proactive`): for every active plan, each active owned unit of its model or category, or
under a service contract in force (or both), that is due gets one request (channel "proactive").
A unit is due for a plan when
- the plan is seasonal (`season_months`): it is one of those months and the unit had no request
  from the plan in the last 180 days;
- otherwise: `every_months` have passed since the last request of the plan (or since the
  contract's start for a contract plan, installation or sale for the others), or the meter
  advanced `every_meter` units since then;
and it has no open request from the plan. `campaign_launch` opens one request and one contact
line per owned unit in the campaign's batch range; `campaign_contact_record` tracks each call.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.units.choices import UnitStatus
from aftersales.units.models import MeterReading, Unit
from aftersales.warranty.choices import ContractKind
from aftersales.warranty.models import ExtendedContract

from .choices import OPEN_STATUSES, Channel, ContactStatus
from .models import Campaign, CampaignContact, MaintenancePlan, ServiceRequest
from .services import request_open

log = logging.getLogger(__name__)
SEASON_GAP_DAYS = 180
NOTICE_DAYS = 7
CAMPAIGN_EDITORS = frozenset({Role.QUALITY, Role.MANAGER, Role.ADMIN})
CONTACT_EDITORS = frozenset(
    {Role.OPERATOR, Role.DISPATCHER, Role.MANAGER, Role.AGENT, Role.QUALITY, Role.ADMIN}
)


def add_months(start: dt.date, months: int) -> dt.date:
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(start.day, (following - dt.timedelta(days=1)).day))


def plan_units(plan: MaintenancePlan, today: dt.date):
    units = Unit.objects.filter(status=UnitStatus.ACTIVE, owner__isnull=False)
    if plan.product_model_id:
        units = units.filter(product_model_id=plan.product_model_id)
    elif plan.category_id:
        units = units.filter(product_model__category_id=plan.category_id)
    if plan.service_contracts:
        units = units.filter(Exists(_contracts_in_force(today)))
    return units


def _contracts_in_force(today: dt.date):
    return ExtendedContract.objects.filter(
        unit=OuterRef("pk"),
        kind=ContractKind.SERVICE,
        cancelled_at__isnull=True,
        starts__lte=today,
        ends__gte=today,
    )


def plan_candidates(plan: MaintenancePlan, today: dt.date):
    """The plan's units without an open request from it, each with what `plan_due` weighs read
    in the same query: the plan's last request (`plan_last_at`, `plan_last_meter`), the last
    meter reading (`meter_now`) and, for a contract plan, the contract's start (`counted_from`).
    One query per chunk of units, not three per unit."""
    mine = ServiceRequest.objects.filter(plan=plan, unit=OuterRef("pk"))
    last = mine.order_by("-opened_at", "-pk")
    reading = MeterReading.objects.filter(unit=OuterRef("pk")).order_by("-read_at", "-pk")
    if plan.service_contracts:
        start = Subquery(_contracts_in_force(today).order_by("starts").values("starts")[:1])
    else:
        start = Coalesce("installation_date", "sale_date")
    return (
        plan_units(plan, today)
        .exclude(Exists(mine.filter(status__in=OPEN_STATUSES)))
        .annotate(
            plan_last_at=Subquery(last.values("opened_at")[:1]),
            plan_last_meter=Subquery(last.values("meter_at_open")[:1]),
            meter_now=Subquery(reading.values("value")[:1]),
            counted_from=start,
        )
    )


def plan_due(plan: MaintenancePlan, unit: Unit, today: dt.date) -> bool:
    """Whether `unit`, one of `plan_candidates(plan)`, needs a request from `plan` on `today`
    (see the module)."""
    last_at = unit.plan_last_at
    if plan.season_months:
        if today.month not in plan.season_months:
            return False
        return last_at is None or (today - last_at.date()).days >= SEASON_GAP_DAYS
    if plan.every_months:
        start = last_at.date() if last_at else unit.counted_from
        if start and add_months(start, plan.every_months) <= today:
            return True
    if plan.every_meter and unit.meter_now is not None:
        base = unit.plan_last_meter or 0
        if unit.meter_now - base >= plan.every_meter:
            return True
    return False


@dataclass
class RunResult:
    opened: int = 0
    skipped: int = 0


def _moment(today: dt.date) -> dt.datetime:
    """Now, or 09:00 of `today` when the job is run for another day (a catch-up or a test)."""
    if today == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(today, dt.time(9)))


def _open_for(
    unit: Unit, *, service_type, description: str, by, today: dt.date, plan=None, meter=None
):
    owner = unit.owner
    address = unit.installation_address or owner.addresses.first()
    if plan is None:
        reading = unit.last_reading
        meter = reading.value if reading else None
    return request_open(
        by=by,
        customer=owner,
        unit=unit,
        service_type=service_type,
        channel=Channel.PROACTIVE,
        description=description,
        address=address,
        preferred_date=today + dt.timedelta(days=NOTICE_DAYS),
        plan=plan,
        meter_at_open=meter,
        at=_moment(today),
    )


def proactive_run(*, today: dt.date | None = None, by: User | None = None) -> RunResult:
    """Open the requests that the active maintenance plans call for today."""
    today = today or timezone.localdate()
    result = RunResult()
    plans = MaintenancePlan.objects.filter(is_active=True).select_related("service_type")
    for plan in plans.order_by("pk"):
        if plan.season_months and today.month not in plan.season_months:
            continue
        units = plan_candidates(plan, today).select_related("owner", "installation_address")
        for unit in units.order_by("pk").iterator(chunk_size=500):
            if not plan_due(plan, unit, today):
                continue
            try:
                with transaction.atomic():
                    _open_for(
                        unit,
                        service_type=plan.service_type,
                        description=_("Planned maintenance: %(plan)s") % {"plan": plan.name},
                        by=by,
                        today=today,
                        plan=plan,
                        meter=unit.meter_now,
                    )
                result.opened += 1
            except ValidationError as error:  # e.g. no address known: someone must call
                log.info("plan %s, unit %s skipped: %s", plan.pk, unit.pk, error.messages)
                result.skipped += 1
    return result


@transaction.atomic
def campaign_launch(*, campaign: Campaign, by: User | None) -> int:
    """One contact line and one request per owned active unit in the batch range."""
    if by is not None and not (by.is_superuser or by.role in CAMPAIGN_EDITORS):
        raise PermissionDenied(_("You may not make this change."))
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    today = timezone.localdate()
    units = Unit.objects.filter(
        product_model_id=campaign.product_model_id,
        status=UnitStatus.ACTIVE,
        owner__isnull=False,
        batch__gte=campaign.batch_from,
        batch__lte=campaign.batch_to,
    ).select_related("owner", "installation_address")
    made = 0
    for unit in units.order_by("pk"):
        contact, created = CampaignContact.objects.get_or_create(campaign=campaign, unit=unit)
        if not created:
            continue
        try:
            with transaction.atomic():
                contact.request = _open_for(
                    unit,
                    service_type=campaign.service_type,
                    description=_("Campaign %(code)s: %(text)s")
                    % {"code": campaign.code, "text": campaign.description},
                    by=by,
                    today=today,
                )
        except ValidationError as error:
            contact.note = " ".join(error.messages)[:300]
        contact.save()
        made += 1
    campaign.launched_at = campaign.launched_at or timezone.now()
    campaign.save(update_fields=["launched_at"])
    return made


@transaction.atomic
def campaign_contact_record(
    *, contact: CampaignContact, status: str, by: User | None, note: str = ""
) -> CampaignContact:
    """A call or message to the owner and how it went."""
    if by is not None and not (by.is_superuser or by.role in CONTACT_EDITORS):
        raise PermissionDenied(_("You may not make this change."))
    if status not in ContactStatus.values:
        raise ValidationError({"status": _("Unknown state.")})
    contact = CampaignContact.objects.select_for_update().get(pk=contact.pk)
    contact.status = status
    contact.attempts += 1
    contact.contacted_at = timezone.now()
    contact.note = note[:300]
    contact.save()
    return contact
