"""The check-list of equipment an agent holds."""

import datetime as dt

from django.db import transaction

from aftersales.core.models import User

from ..models import Agent, AgentEquipment, Equipment


@transaction.atomic
def equipment_check(
    *,
    agent: Agent,
    equipment: Equipment,
    quantity: int,
    checked_on: dt.date,
    note: str = "",
    by: User | None,
) -> AgentEquipment:
    """Record how much of a piece of equipment the agent holds, as checked on a day."""
    held, _created = AgentEquipment.objects.update_or_create(
        agent=agent,
        equipment=equipment,
        defaults={"quantity": quantity, "checked_on": checked_on, "note": note, "checked_by": by},
    )
    return held
