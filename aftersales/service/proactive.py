"""Proactive services: maintenance plans and recall / field campaigns open requests by themselves.

`proactive_run(today=...)` is the scheduled job (task `proactive_requests_create`, command
`service_proactive`): for every active plan, each active owned unit of its model or category that
is due gets one request (channel "proactive"). A unit is due for a plan when
- the plan is seasonal (`season_months`): it is one of those months and the unit had no request
  from the plan in the last 180 days;
- otherwise: `every_months` have passed since the last request of the plan (or since installation
  / sale), or the meter advanced `every_meter` units since then;
and it has no open request from the plan. `campaign_launch` opens one request and one contact
line per owned unit in the campaign's batch range; `campaign_contact_record` tracks each call.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.units.choices import UnitStatus
from aftersales.units.models import Unit

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


def plan_units(plan: MaintenancePlan):
    units = Unit.objects.filter(status=UnitStatus.ACTIVE, owner__isnull=False)
    if plan.product_model_id:
        return units.filter(product_model_id=plan.product_model_id)
    return units.filter(product_model__category_id=plan.category_id)


def plan_due(plan: MaintenancePlan, unit: Unit, today: dt.date) -> bool:
    """Whether `unit` needs a request from `plan` on `today` (see the module)."""
    mine = ServiceRequest.objects.filter(plan=plan, unit=unit)
    if mine.filter(status__in=OPEN_STATUSES).exists():
        return False
    last = mine.order_by("-opened_at").first()
    if plan.season_months:
        if today.month not in plan.season_months:
            return False
        return last is None or (today - last.opened_at.date()).days >= SEASON_GAP_DAYS
    if plan.every_months:
        start = last.opened_at.date() if last else (unit.installation_date or unit.sale_date)
        if start and add_months(start, plan.every_months) <= today:
            return True
    if plan.every_meter:
        reading = unit.last_reading
        base = (last.meter_at_open if last else None) or 0
        if reading and reading.value - base >= plan.every_meter:
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


def _open_for(unit: Unit, *, service_type, description: str, by, plan=None, today: dt.date):
    owner = unit.owner
    address = unit.installation_address or owner.addresses.first()
    reading = unit.last_reading
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
        meter_at_open=reading.value if reading else None,
        at=_moment(today),
    )


def proactive_run(*, today: dt.date | None = None, by: User | None = None) -> RunResult:
    """Open the requests that the active maintenance plans call for today."""
    today = today or timezone.localdate()
    result = RunResult()
    plans = MaintenancePlan.objects.filter(is_active=True).select_related("service_type")
    for plan in plans.order_by("pk"):
        units = plan_units(plan).select_related("owner", "installation_address")
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
                        plan=plan,
                        today=today,
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
