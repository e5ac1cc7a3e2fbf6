"""Writes on the authorized agents."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core import identity
from aftersales.core.choices import Country
from aftersales.core.models import User
from aftersales.core.text import latin_digits

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
    "tax_code",
    "vat_number",
    "iban",
    "account_holder",
)


def _apply(agent: Agent, data: dict) -> None:
    unknown = set(data) - set(AGENT_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(agent, name, value)
    errors = _check_identity(agent)
    try:
        agent.full_clean()
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)


def _check_identity(agent: Agent) -> dict[str, list[str]]:
    """The agent's tax identity and bank account, by its country's rules, written the way they
    are stored (no spaces, Latin digits); the reasons of those that are wrong, by field."""
    checks = {
        "tax_code": identity.validate_iran_tax_id
        if agent.country == Country.IRAN
        else _italian_tax_code,
        "vat_number": _iran_economic_code
        if agent.country == Country.IRAN
        else identity.validate_partita_iva,
        "iban": lambda raw: identity.validate_iban(
            raw, country=Country.IRAN if agent.country == Country.IRAN else ""
        ),
    }
    errors = {}
    for field, check in checks.items():
        value = (getattr(agent, field) or "").strip()
        if not value:
            setattr(agent, field, "")
            continue
        try:
            setattr(agent, field, check(value))
        except ValidationError as error:
            errors[field] = error.messages
    agent.account_holder = (agent.account_holder or "").strip()
    return errors


def _italian_tax_code(raw: str) -> str:
    """A person's codice fiscale (16 characters) or a company's (its 11-digit partita IVA)."""
    value = latin_digits(raw).replace(" ", "").upper()
    if value.isdigit():
        return identity.validate_partita_iva(value)
    return identity.validate_codice_fiscale(value)


def _iran_economic_code(raw: str) -> str:
    """An Iranian economic code: a company's national ID (11 digits) or an older 12-digit code."""
    value = latin_digits(raw).replace("-", "").replace(" ", "")
    if value.isdigit() and len(value) in (11, 12):
        return value
    raise ValidationError(_("An economic code has 11 or 12 digits."))


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
