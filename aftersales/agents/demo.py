"""Demo agent network: equipment per grade and each agent's check-list, contracts for the demo
agents, a grade B for everyone from 1 January, targets for this quarter, improvement actions, a
periodic review, three candidates at different steps of selection (with their documents), and,
once every other app's demo is in, last quarter's scorecards with the grades they reach and this
quarter's scorecards to date (the other demos' service records are of today)."""

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from aftersales.core.models import User

from . import services
from .choices import AgentStatus, Metric
from .models import Agent, Criterion, Equipment, Grade, GradeAssignment

# code, name, quantity, grades that require it
EQUIPMENT = [
    ("vacuum-pump", "Vacuum pump", 1, "AB"),
    ("leak-detector", "Electronic leak detector", 1, "AB"),
    ("recovery-unit", "Refrigerant recovery unit", 1, "A"),
    ("diagnostic-laptop", "Diagnostic laptop with service software", 1, "A"),
    ("workbench", "Workshop bench", 2, "ABC"),
]
CANDIDATES = [
    # name, region, city, ratings (need, premises, certified staff, equipment, capital,
    # experience), the state to take it to
    ("Caspian Cooling Service", "Gilan", "Rasht", (9, 7, 6, 6, 5, 8), AgentStatus.SELECTED),
    (
        "Zagros Home Appliances",
        "Kermanshah",
        "Kermanshah",
        (6, 4, 3, 5, 4, 3),
        AgentStatus.EVALUATED,
    ),
    ("Assistenza Tecnica Adriatica", "Marche", "Ancona", None, AgentStatus.APPLICANT),
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _quarter(day: dt.date) -> tuple[dt.date, dt.date]:
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    after = dt.date(first.year + (first.month + 3 > 12), (first.month + 2) % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def _equipment() -> dict[str, Equipment]:
    grades = {grade.code: grade for grade in Grade.objects.all()}
    items = {}
    for code, name, quantity, required in EQUIPMENT:
        item = services.equipment_save(
            by=None,
            code=code,
            name=name,
            quantity=quantity,
            required_for=[grades[g] for g in required if g in grades],
        )
        items[code] = item
    return items


def _network(manager, items, today) -> int:
    b = Grade.objects.get(code="B")
    first_of_year = dt.date(today.year, 1, 1)
    start, end = _quarter(today)
    agents = list(Agent.objects.filter(status=AgentStatus.ACTIVE).order_by("code"))
    for n, agent in enumerate(agents):
        if not agent.contracts.exists():
            services.contract_create(
                agent=agent,
                starts_on=first_of_year,
                ends_on=dt.date(today.year + 1, 12, 31),
                regions=[agent.region] if agent.region else [],
                cities=[agent.city],
                by=manager,
            )
        services.grade_assign(
            agent=agent,
            grade=b,
            valid_from=first_of_year,
            by=manager,
            note="Starting grade of the network",
        )
        for k, item in enumerate(items.values()):
            held = item.quantity if (n + k) % 4 else 0  # every fourth item is missing
            services.equipment_check(
                agent=agent,
                equipment=item,
                quantity=held,
                checked_on=today - dt.timedelta(days=7 * (k + 1)),
                by=manager,
            )
        for metric, value in (
            (Metric.FIRST_TIME_FIX, "0.80"),
            (Metric.SLA, "0.90"),
            (Metric.CSAT, "0.85"),
        ):
            services.target_set(
                agent=agent,
                metric=metric,
                period_start=start,
                period_end=end,
                value=Decimal(value),
                by=manager,
            )
    if agents and manager:
        services.action_create(
            agent=agents[0],
            title="Refresher course on inverter boards",
            owner=manager,
            due_on=today + dt.timedelta(days=30),
            metric=Metric.FIRST_TIME_FIX,
            by=manager,
            description="Two technicians repeat visits on inverter faults.",
        )
        services.action_create(
            agent=agents[-1],
            title="Answer calls within the SLA",
            owner=manager,
            due_on=today - dt.timedelta(days=5),
            metric=Metric.SLA,
            by=manager,
        )
        done = services.action_create(
            agent=agents[-1],
            title="Stock the five fastest-moving parts",
            owner=manager,
            due_on=today - dt.timedelta(days=40),
            by=manager,
        )
        services.action_close(
            action=done, status="done", by=manager, result="Fill rate up from 71% to 88%."
        )
    return len(agents)


def _candidates(manager) -> int:
    criteria = list(Criterion.objects.filter(is_active=True).order_by("code"))
    order = ["need", "premises", "certified-staff", "equipment", "capital", "experience"]
    for n, (name, region, city, ratings, goal) in enumerate(CANDIDATES):
        agent = services.agent_apply(
            name=name,
            country="IT" if region == "Marche" else "IR",
            region=region,
            city=city,
            contact_name="Demo contact",
            phone="",
            email=f"candidate{n}@example.com",
            premises_sqm=80 + 40 * n,
            staff_count=5 - n,
            certified_staff=2,
            years_experience=6 - 2 * n,
            capital=Decimal(1_000_000_000 * (3 - n)),
            equipment="Vacuum pump, manifold gauges",
            documents=[("registration", SimpleUploadedFile(f"registration-{n}.pdf", PDF))],
        )
        if ratings:
            by_code = dict(zip(order, ratings, strict=True))
            services.agent_evaluate(
                agent=agent,
                by=manager,
                ratings={c.pk: by_code.get(c.code, 5) for c in criteria},
            )
        if goal == AgentStatus.SELECTED:
            services.agent_transition(
                agent=agent, to=goal, by=manager, note="Best candidate for Gilan"
            )
    return len(CANDIDATES)


def _score_last_quarter() -> None:
    """Last quarter's scorecards and the grades they reach, from the other apps' demo data."""
    manager = User.objects.filter(username="manager").first()
    today = timezone.localdate()
    start, _end = _quarter(today)
    start, end = _quarter(start - dt.timedelta(days=1))
    for card in services.scorecards_compute(start=start, end=end, by=manager):
        valid_from = end + dt.timedelta(days=1)
        if (
            card.grade
            and not GradeAssignment.objects.filter(agent=card.agent, valid_from=valid_from).exists()
        ):
            services.grade_assign(
                agent=card.agent,
                grade=card.grade,
                valid_from=valid_from,
                scorecard=card,
                by=manager,
                note="Last quarter's scorecard",
            )
    this_quarter, _this_end = _quarter(today)
    services.scorecards_compute(start=this_quarter, end=today, by=manager)  # to date
    first = Agent.objects.filter(status=AgentStatus.ACTIVE).order_by("code").first()
    if first is not None:
        services.review_record(
            agent=first,
            period_start=start,
            period_end=end,
            held_on=today,
            by=manager,
            findings="First-time fix below target on inverter units; SLA met.",
            decisions="Refresher course; review again next quarter.",
        )


def load_demo() -> str:
    if Equipment.objects.filter(code="vacuum-pump").exists():
        return "agents: already loaded"
    manager = User.objects.filter(username="manager").first()
    today = timezone.localdate()
    with transaction.atomic():
        items = _equipment()
        agents = _network(manager, items, today)
        candidates = _candidates(manager)
    # the scorecards need every other app's demo records: they run once all is committed
    transaction.on_commit(_score_last_quarter)
    return (
        f"agents: {len(items)} pieces of equipment per grade, {agents} agents under contract "
        f"with grade, targets and check-lists, {candidates} candidates; last quarter's "
        "and this quarter's scorecards follow"
    )
