"""Writes on the authorized agents."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.models import User

from ..choices import AgentStatus
from ..models import Agent, StatusChange

AGENT_FIELDS = (
    "code",
    "name",
    "country",
    "region",
    "city",
    "address",
    "phone",
    "email",
    "latitude",
    "longitude",
)


def _apply(agent: Agent, data: dict) -> None:
    unknown = set(data) - set(AGENT_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(agent, name, value)
    agent.full_clean()


@transaction.atomic
def agent_create(*, by: User | None, **data) -> Agent:
    """A new authorized agent, entered by staff: active from now (the lifecycle logs it)."""
    agent = Agent(status=AgentStatus.ACTIVE, is_active=True, status_since=timezone.now())
    _apply(agent, data)
    agent.save()
    StatusChange.objects.create(
        agent=agent,
        to_status=AgentStatus.ACTIVE,
        at=agent.status_since,
        by=by,
        note=_("Entered by staff."),
    )
    return agent


@transaction.atomic
def agent_update(*, agent: Agent, by: User | None, **data) -> Agent:
    """Change an agent's details (its state changes through `agent_transition`)."""
    _apply(agent, data)
    agent.save()
    return agent
