"""Writes on the authorized agents."""

from django.db import transaction

from aftersales.core.models import User

from .models import Agent

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
    "is_active",
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
    """A new authorized agent."""
    agent = Agent()
    _apply(agent, data)
    agent.save()
    return agent


@transaction.atomic
def agent_update(*, agent: Agent, by: User | None, **data) -> Agent:
    """Change an agent's details."""
    _apply(agent, data)
    agent.save()
    return agent
