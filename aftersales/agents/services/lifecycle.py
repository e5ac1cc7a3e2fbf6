"""The agent lifecycle: apply, evaluate, select, activate, suspend, terminate; contracts and
documents."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.models import User
from aftersales.core.numbering import next_number

from ..choices import TRANSITIONS, AgentStatus, DocumentKind
from ..models import (
    Agent,
    AgentDocument,
    Application,
    Contract,
    Criterion,
    Evaluation,
    EvaluationScore,
    StatusChange,
)

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".webp")


def _log(agent: Agent, *, to: str, by: User | None, note: str = "", was: str = "") -> None:
    now = timezone.now()
    StatusChange.objects.create(
        agent=agent, from_status=was, to_status=to, at=now, by=by, note=note[:500]
    )


@transaction.atomic
def agent_apply(
    *,
    name: str,
    country: str,
    region: str,
    city: str,
    address: str = "",
    phone: str = "",
    email: str = "",
    contact_name: str,
    premises_sqm: int = 0,
    staff_count: int = 0,
    certified_staff: int = 0,
    equipment: str = "",
    capital: Decimal = Decimal(0),
    currency: str = "IRR",
    years_experience: int = 0,
    categories=(),
    service_types=(),
    message: str = "",
    documents: list[tuple[str, UploadedFile]] = (),
) -> Agent:
    """A candidate's application from the public form: a new agent in state applicant."""
    if certified_staff > staff_count:
        raise ValidationError(
            {"certified_staff": _("There cannot be more certified technicians than staff.")}
        )
    agent = Agent(
        code="APP",
        name=name,
        country=country,
        region=region,
        city=city,
        address=address,
        phone=phone,
        email=email,
        is_active=False,
        status=AgentStatus.APPLICANT,
        status_since=timezone.now(),
    )
    agent.full_clean(exclude=["code"])
    # The public code of an application; a manager gives the agent its own code when selected.
    agent.code = next_number("APP", width=5)
    agent.save()
    application = Application(
        agent=agent,
        contact_name=contact_name,
        premises_sqm=premises_sqm,
        staff_count=staff_count,
        certified_staff=certified_staff,
        equipment=equipment,
        capital=capital,
        currency=currency,
        years_experience=years_experience,
        message=message,
    )
    application.full_clean(exclude=["agent"])
    application.save()
    application.categories.set(categories)
    application.service_types.set(service_types)
    for kind, upload in documents:
        _attach(agent, kind=kind, title=upload.name, upload=upload, by=None)
    _log(agent, to=AgentStatus.APPLICANT, by=None, note=_("Application received."))
    return agent


@transaction.atomic
def agent_transition(*, agent: Agent, to: str, by: User | None, note: str = "") -> Agent:
    """Move an agent to state `to` through the lifecycle's doors, with a log line."""
    given, agent = agent, Agent.objects.select_for_update().get(pk=agent.pk)
    if to not in TRANSITIONS.get(agent.status, ()):
        raise ValidationError(
            _("An agent cannot go from %(from)s to %(to)s.")
            % {"from": agent.get_status_display(), "to": AgentStatus(to).label}
        )
    if to == AgentStatus.SELECTED and not agent.evaluations.exists():
        raise ValidationError(_("Evaluate the candidate before selecting it."))
    if to == AgentStatus.ACTIVE and _contract_today(agent) is None:
        raise ValidationError(_("The agent needs a contract in force today to be active."))
    if to in (AgentStatus.SUSPENDED, AgentStatus.TERMINATED, AgentStatus.REJECTED) and not (
        note.strip()
    ):
        raise ValidationError({"note": _("Give the reason.")})
    was = agent.status
    agent.status = to
    agent.status_since = timezone.now()
    agent.is_active = to == AgentStatus.ACTIVE
    agent.save(update_fields=["status", "status_since", "is_active"])
    if to == AgentStatus.TERMINATED:
        today = timezone.localdate()
        agent.contracts.filter(ends_on__gte=today, terminated_on__isnull=True).update(
            terminated_on=today
        )
    _log(agent, to=to, by=by, note=note, was=was)
    given.status, given.status_since, given.is_active = to, agent.status_since, agent.is_active
    return agent


def _contract_today(agent: Agent):
    from ..selectors import contract_on

    return contract_on(agent, timezone.localdate())


@transaction.atomic
def agent_evaluate(
    *, agent: Agent, ratings: dict[int, int], by: User | None, note: str = ""
) -> Evaluation:
    """Rate a candidate 0-10 on every active criterion; the score is the weighted mean × 10.

    `ratings` maps criterion ids to ratings. A first evaluation moves an applicant to evaluated.
    """
    agent.refresh_from_db(fields=["status"])
    if agent.status not in (AgentStatus.APPLICANT, AgentStatus.EVALUATED):
        raise ValidationError(_("Only a candidate (applicant or evaluated) is evaluated."))
    criteria = list(Criterion.objects.filter(is_active=True))
    if not criteria:
        raise ValidationError(_("Define the selection criteria first."))
    missing = [c.name for c in criteria if c.pk not in ratings]
    if missing:
        raise ValidationError(
            _("Rate every criterion: %(names)s is missing.") % {"names": ", ".join(missing)}
        )
    bad = [c.name for c in criteria if not 0 <= int(ratings[c.pk]) <= 10]
    if bad:
        raise ValidationError(_("Ratings go from 0 to 10: %(names)s.") % {"names": ", ".join(bad)})
    total_weight = sum((c.weight for c in criteria), Decimal(0))
    if total_weight <= 0:
        raise ValidationError(_("The criteria's weights add up to zero."))
    weighted = sum((c.weight * int(ratings[c.pk]) for c in criteria), Decimal(0))
    score = (Decimal(10) * weighted / total_weight).quantize(Decimal("0.01"), ROUND_HALF_UP)
    evaluation = Evaluation.objects.create(agent=agent, score=score, note=note, evaluated_by=by)
    EvaluationScore.objects.bulk_create(
        EvaluationScore(
            evaluation=evaluation, criterion=c, weight=c.weight, rating=int(ratings[c.pk])
        )
        for c in criteria
    )
    if agent.status == AgentStatus.APPLICANT:
        agent_transition(
            agent=agent,
            to=AgentStatus.EVALUATED,
            by=by,
            note=_("Score %(score)s.") % {"score": score},
        )
    return evaluation


@transaction.atomic
def contract_create(
    *,
    agent: Agent,
    starts_on: dt.date,
    ends_on: dt.date,
    regions: list[str],
    cities: list[str],
    service_types=(),
    categories=(),
    note: str = "",
    by: User | None,
) -> Contract:
    """A contract for a selected or working agent: territory, services, categories, validity."""
    agent = Agent.objects.select_for_update().get(pk=agent.pk)
    if agent.status not in (AgentStatus.SELECTED, AgentStatus.ACTIVE, AgentStatus.SUSPENDED):
        raise ValidationError(_("Only a selected or working agent gets a contract."))
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("A contract cannot end before it starts.")})
    regions, cities = _clean_names(regions), _clean_names(cities)
    if not regions and not cities:
        raise ValidationError({"regions": _("Give the territory: at least a region or a city.")})
    overlapping = agent.contracts.filter(
        starts_on__lte=ends_on, ends_on__gte=starts_on, terminated_on__isnull=True
    )
    if overlapping.exists():
        raise ValidationError(
            {
                "starts_on": _("The agent already has contract %(number)s in those dates.")
                % {"number": overlapping.first().number}
            }
        )
    contract = Contract(
        number="",
        agent=agent,
        starts_on=starts_on,
        ends_on=ends_on,
        regions=regions,
        cities=cities,
        note=note,
        created_by=by,
    )
    contract.full_clean(exclude=["number"])
    contract.save()
    contract.service_types.set(service_types)
    contract.categories.set(categories)
    contract.number = next_number(f"CTR-{starts_on.year}", width=4)
    contract.save(update_fields=["number"])
    return contract


def _clean_names(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        name = " ".join(str(name).split())
        if name and name not in seen:
            seen.append(name)
    return seen


def _attach(agent: Agent, *, kind: str, title: str, upload: UploadedFile, by) -> AgentDocument:
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Choose a kind of document.")})
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": _("%(name)s is larger than 10 MB.") % {"name": upload.name}})
    if not upload.name.lower().endswith(DOCUMENT_TYPES):
        raise ValidationError(
            {"file": _("%(name)s is not a PDF or an image.") % {"name": upload.name}}
        )
    document = AgentDocument(agent=agent, kind=kind, title=title[:200], uploaded_by=by)
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document


@transaction.atomic
def document_attach(
    *, agent: Agent, kind: str, title: str, upload: UploadedFile, by: User | None
) -> AgentDocument:
    """Attach a document (PDF or image, up to 10 MB) to an agent."""
    return _attach(agent, kind=kind, title=title or upload.name, upload=upload, by=by)
