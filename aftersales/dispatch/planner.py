"""From the records to a routing problem and back: what a plan covers, who may do what, when.

`gather(plan)` reads the open work and the technicians of a plan's scope into `Task`s and
`Shift`s; `solve(...)` turns them into an engine `Problem`, runs the engine and returns one
`Placement` per task (placed, or the reason it was not). No writes here: `services.plan_run`
stores the result.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from aftersales.service import planning
from aftersales.service.business import calendar_for
from aftersales.service.choices import (
    AWAY_PURPOSES,
    OPEN_STATUSES,
    Status,
    VisitPurpose,
    VisitStatus,
)
from aftersales.service.models import ServiceRequest, Visit
from aftersales.workforce.models import Technician
from aftersales.workforce.selectors import approved_absences, qualified

from . import engine as engines
from .choices import Reason
from .greedy import GreedyEngine
from .matrix import Place, provider
from .optimizer import plan_field

PLANNABLE = (Status.TRIAGED, Status.REOPENED)
DEFAULT_MINUTES = {"installation": 90, "install": 90, "repair": 60, "maintenance": 45}
FALLBACK_MINUTES = 60
DELIVERY_MINUTES = 30  # handing a unit back (or picking it up) at the customer's
WINDOW = dt.timedelta(hours=2)  # the window promised to the customer around the planned start
DRIVE_HOME = 3600  # the drive home after the last visit may end up to an hour after the shift
PARTS_SKILL = 500_000  # skills from here on mean "holds part N in the van"


@dataclass
class Task:
    request: ServiceRequest
    visit: Visit | None = None
    purpose: str = VisitPurpose.FIELD  # or a delivery of a unit a workshop has ready
    place: Place | None = None
    minutes: int = FALLBACK_MINUTES
    windows: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    due: dt.datetime | None = None
    priority: int = 0
    group: tuple = ()
    parts: list[tuple[int, int]] = field(default_factory=list)
    pinned: tuple[int, dt.datetime] | None = None  # (technician id, start)
    started: bool = False
    reason: str = ""


@dataclass
class Shift:
    technician: Technician
    day: dt.date
    start: dt.datetime
    end: dt.datetime
    place: Place
    break_minutes: int
    drive_home: int = DRIVE_HOME  # none before time off: the technician is away from then


@dataclass
class Placement:
    task: Task
    technician: Technician | None = None
    sequence: int = 0
    arrives_at: dt.datetime | None = None
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    travel_m: int = 0
    travel_s: int = 0
    van_has_parts: bool = False
    reason: str = ""


@dataclass
class Outcome:
    placements: list[Placement]
    seconds: float
    travel_m: int
    travel_s: int
    utilization: float


# --- scope ----------------------------------------------------------------------------------------


def technicians_of(plan) -> list[Technician]:
    """The plan's technicians: the agent's own, or the maker's (no agent)."""
    return list(Technician.objects.filter(is_active=True, agent=plan.agent).select_related("agent"))


def requests_of(plan):
    """The open requests the plan may place: the agent's, or the maker's (no agent)."""
    return ServiceRequest.objects.filter(agent=plan.agent)


def horizon(plan) -> list[dt.date]:
    return [plan.first_day + dt.timedelta(days=n) for n in range(plan.days)]


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def _place(obj, region: str = "") -> Place | None:
    lat, lon = getattr(obj, "latitude", None), getattr(obj, "longitude", None)
    if lat is None or lon is None:
        return None
    return Place(float(lat), float(lon), region)


def _home(technician: Technician) -> Place | None:
    if technician.home_latitude is not None and technician.home_longitude is not None:
        region = technician.agent.region if technician.agent else ""
        return Place(float(technician.home_latitude), float(technician.home_longitude), region)
    if technician.agent is not None:
        return _place(technician.agent, technician.agent.region)
    return None


def working_days(plan) -> list[dt.date]:
    """The plan's days that are working days of its business calendar (not Friday or a holiday
    in Iran; not the weekend or a holiday in Italy)."""
    code = plan.agent.country if plan.agent else "IR"
    calendar = calendar_for("IT" if code == "IT" else "IR")
    return [day for day in horizon(plan) if calendar.window(day) is not None]


MIN_PIECE = dt.timedelta(minutes=30)  # less of a shift left around time off is no working time


def absences_of(plan, technicians: list[Technician]) -> dict[tuple[int, dt.date], list]:
    """The approved time off of `technicians` on each day of the plan, by (technician, day)."""
    days = horizon(plan)
    found = approved_absences(
        [t.pk for t in technicians],
        _at(days[0], dt.time(0)),
        _at(days[-1] + dt.timedelta(days=1), dt.time(0)),
    )
    away = defaultdict(list)
    for absence in found:
        for day in days:
            if absence.starts_at < _at(day + dt.timedelta(days=1), dt.time(0)) and (
                absence.ends_at > _at(day, dt.time(0))
            ):
                away[(absence.technician_id, day)].append(absence)
    return away


def _pieces(
    start: dt.datetime, end: dt.datetime, absences
) -> list[tuple[dt.datetime, dt.datetime]]:
    """What is left of the shift [start, end) around the absences: nothing for a day away, the
    shift shortened, or split in two around time off in the middle of it."""
    pieces = [(start, end)]
    for absence in absences:
        cut = []
        for a, b in pieces:
            if absence.ends_at <= a or absence.starts_at >= b:
                cut.append((a, b))
                continue
            if absence.starts_at > a:
                cut.append((a, absence.starts_at))
            if absence.ends_at < b:
                cut.append((absence.ends_at, b))
        pieces = cut
    return [(a, b) for a, b in pieces if b - a >= MIN_PIECE]


def shifts_of(plan, technicians: list[Technician]) -> list[Shift]:
    """Each technician's working days in the plan (the business calendar's days off excluded),
    less their approved time off: a day away has no shift, a few hours away shorten the shift or
    split it in two (the part before the absence ends, drive home included, when it begins)."""
    days = working_days(plan)
    away = absences_of(plan, technicians)
    shifts = []
    for technician in technicians:
        home = _home(technician)
        if home is None:
            continue
        for day in days:
            start, end = _at(day, technician.shift_start), _at(day, technician.shift_end)
            absences = away.get((technician.pk, day), [])
            for begin, finish in _pieces(start, end, absences):
                shifts.append(
                    Shift(
                        technician=technician,
                        day=day,
                        start=begin,
                        end=finish,
                        place=home,
                        break_minutes=technician.break_minutes,
                        drive_home=DRIVE_HOME if finish == end else 0,
                    )
                )
    return shifts


# --- the work -----------------------------------------------------------------------------------


def visit_minutes(request: ServiceRequest, on: dt.date) -> int:
    model = request.unit.product_model if request.unit_id else None
    try:
        from aftersales.billing.tariffs import standard_minutes
    except ImportError:  # billing not installed: the default per service type
        standard_minutes = None
    if standard_minutes is not None and model is not None:
        minutes = standard_minutes(service_type=request.service_type, product_model=model, on=on)
        if minutes:
            return int(minutes)
    return DEFAULT_MINUTES.get(request.service_type.code, FALLBACK_MINUTES)


def _priority(request: ServiceRequest) -> int:
    base = {1: 10, 2: 30, 3: 60, 4: 85}.get(request.priority, 30)
    return min(100, base + min(10, int(request.priority_score or 0)))


def _parts(requests: list[ServiceRequest]) -> dict[str, list[tuple[int, int]]]:
    try:
        from aftersales.parts.choices import ReservationStatus
        from aftersales.parts.models import Reservation
    except ImportError:
        return {}
    needed = defaultdict(list)
    rows = Reservation.objects.filter(
        status=ReservationStatus.ACTIVE, document_number__in=[r.number for r in requests]
    ).values_list("document_number", "part_id", "quantity")
    for number, part, quantity in rows:
        needed[number].append((part, quantity))
    return needed


def held(plan) -> dict[int, planning.Custody]:
    """The open requests of the plan's scope whose unit another app holds (a workshop), by
    request: none is visited for service; those ready to go back by delivery are delivered."""
    return planning.custody(requests_of(plan).filter(status__in=OPEN_STATUSES))


def gather(plan, *, now: dt.datetime | None = None) -> list[Task]:
    """The plan's work: open requests without a visit, visits planned in the horizon (kept in
    their promised window), visits under way (fixed), the plan's pins, and the delivery of each
    unit a workshop has ready to go back by delivery. Bench work in a workshop is no one's
    drive; a request without a visit that the planning checks refuse (its unit is in a
    workshop, it has no address) is left out, as publishing it would be refused."""
    now = now or timezone.now()
    days = horizon(plan)
    begin, finish = _at(days[0], dt.time(0)), _at(days[-1] + dt.timedelta(days=1), dt.time(0))
    away = sorted(AWAY_PURPOSES)
    deliveries = {pk for pk, custody in held(plan).items() if custody.deliver}
    requests = list(
        requests_of(plan)
        .filter(
            Q(status__in=PLANNABLE, service_type__needs_visit=True)
            | Q(pk__in=deliveries)
            | Q(
                visits__status=VisitStatus.ON_SITE,
                visits__window_start__lt=finish,
                visits__purpose__in=away,
            )
            | Q(
                visits__status=VisitStatus.PLANNED,
                visits__window_start__gte=begin,
                visits__window_start__lt=finish,
                visits__purpose__in=away,
            )
        )
        .distinct()
        .select_related(
            "service_type",
            "unit__product_model__category",
            "unit__installation_address",
            "customer",
            "address",
        )
        .prefetch_related("customer__addresses")
    )
    visits = {}
    for visit in Visit.objects.filter(
        request__in=requests,
        status__in=(VisitStatus.PLANNED, VisitStatus.ON_SITE),
        purpose__in=away,
    ).order_by("pk"):
        visits[visit.request_id] = visit

    def purpose_of(request) -> str:
        if request.pk in visits:
            return visits[request.pk].purpose
        return VisitPurpose.DELIVERY if request.pk in deliveries else VisitPurpose.FIELD

    refused = planning.refusals(
        [
            planning.PlannedVisit(request=request, purpose=purpose_of(request))
            for request in requests
            if request.pk not in visits
        ]
    )
    cancelled = set(
        plan.assignments.filter(reason=Reason.CANCELLED).values_list("request_id", flat=True)
    )
    requests = [r for r in requests if r.pk not in refused and r.pk not in cancelled]
    pins = {
        a.request_id: (a.technician_id, a.starts_at)
        for a in plan.assignments.filter(pinned=True, technician__isnull=False)
        if a.starts_at is not None
    }
    needed = _parts(requests)
    tasks = []
    for request in requests:
        model = request.unit.product_model if request.unit_id else None
        address = planning.place_of(request)
        purpose = purpose_of(request)
        delivery = purpose == VisitPurpose.DELIVERY
        task = Task(
            request=request,
            visit=visits.get(request.pk),
            purpose=purpose,
            place=_place(address, address.region) if address else None,
            minutes=DELIVERY_MINUTES if delivery else visit_minutes(request, days[0]),
            due=request.resolution_due,
            priority=_priority(request),
            group=(
                model.category_id if model else None,
                model.pk if model else None,
                request.service_type_id,
            ),
            parts=[] if delivery else needed.get(request.number, []),
        )
        visit = task.visit
        if visit is not None and visit.status == VisitStatus.ON_SITE:
            task.started = True
            task.pinned = (visit.technician_id, max(visit.checked_in_at or now, begin))
        elif request.pk in pins:
            task.pinned = pins[request.pk]
        elif visit is not None:
            task.windows = [(visit.window_start, visit.window_end)]
        else:
            wanted = request.preferred_date
            if wanted is None or wanted < days[0]:
                chosen = days
            else:  # the preferred day, or none when it is after the plan's days
                chosen = [wanted] if wanted in days else []
            for day in chosen:
                start = max(_at(day, dt.time(0)), now)
                end = _at(day + dt.timedelta(days=1), dt.time(0))
                if start < end:
                    task.windows.append((start, end))
        if task.place is None:
            task.reason = Reason.NO_LOCATION
        elif not task.windows and task.pinned is None:
            task.reason = Reason.NO_TIME
        tasks.append(task)
    return tasks


# --- solving ------------------------------------------------------------------------------------


def _qualified_ids(shifts: list[Shift], tasks: list[Task]) -> dict[tuple, set[tuple[int, dt.date]]]:
    """For each kind of work: the (technician, day) pairs qualified for it (skills and valid
    certifications, through `workforce.selectors.qualified`)."""
    from aftersales.catalog.models import Category, ProductModel
    from aftersales.service.models import ServiceType

    ids = [s.technician.pk for s in shifts]
    days = sorted({s.day for s in shifts})
    answer = {}
    for group in {t.group for t in tasks if not t.reason}:
        category_id, model_id, type_id = group
        category = Category.objects.filter(pk=category_id).first() if category_id else None
        model = ProductModel.objects.filter(pk=model_id).first() if model_id else None
        service_type = ServiceType.objects.get(pk=type_id)
        pairs = set()
        for day in days:
            found = qualified(
                Technician.objects.filter(pk__in=ids),
                category=category,
                product_model=model,
                service_type=service_type,
                on=day,
            ).values_list("pk", flat=True)
            pairs.update((pk, day) for pk in found)
        answer[group] = pairs
    return answer


def _van_parts(technicians: list[Technician]) -> dict[int, dict[int, int]]:
    try:
        from aftersales.parts.choices import WarehouseKind
        from aftersales.parts.models import StockLevel
    except ImportError:
        return {}
    held = defaultdict(dict)
    rows = StockLevel.objects.filter(
        warehouse__kind=WarehouseKind.VAN,
        warehouse__technician__in=technicians,
        on_hand__gt=0,
    ).values_list("warehouse__technician_id", "part_id", "on_hand")
    for technician, part, on_hand in rows:
        held[technician][part] = on_hand
    return held


def solve(plan, tasks: list[Task], shifts: list[Shift], *, seconds: float) -> Outcome:
    """Place `tasks` on `shifts` with the plan's engine; every task gets a placement."""
    origin = _at(plan.first_day, dt.time(0))

    def sec(moment: dt.datetime) -> int:
        return int((moment - origin).total_seconds())

    groups = _qualified_ids(shifts, tasks)
    group_skill = {group: number + 1 for number, group in enumerate(groups)}
    vans = _van_parts([s.technician for s in shifts])
    part_skill = {}
    workers, places = [], [s.place for s in shifts]
    shift_of = {}
    for index, shift in enumerate(shifts):
        key = (shift.technician.pk, shift.day)
        skills = {group_skill[g] for g, pairs in groups.items() if key in pairs}
        for part in vans.get(shift.technician.pk, {}):
            skill = part_skill.setdefault(part, PARTS_SKILL + len(part_skill))
            skills.add(skill)
        length = sec(shift.end) - sec(shift.start)
        middle = sec(shift.start) + length // 2
        breaks = []
        if shift.break_minutes and length > 4 * 3600:
            breaks = [
                engines.Break(
                    engines.Window(middle - 3600, middle + 3600), shift.break_minutes * 60
                )
            ]
        workers.append(
            engines.Worker(
                id=index,
                start=index,
                end=index,
                shift=engines.Window(sec(shift.start), sec(shift.end) + shift.drive_home),
                skills=frozenset(skills),
                breaks=breaks,
            )
        )
        shift_of[index] = shift
    workers_for = defaultdict(list)  # a shift split around time off is two workers
    for index, shift in enumerate(shifts):
        workers_for[(shift.technician.pk, shift.day)].append(index)
    placements = [Placement(task=task, reason=task.reason) for task in tasks]
    jobs, job_task = [], {}
    for number, (task, placement) in enumerate(zip(tasks, placements, strict=True)):
        if task.reason:
            continue
        skills = frozenset({group_skill[task.group]}) if task.group in group_skill else frozenset()
        on_duty = groups.get(task.group, set())
        if task.pinned is not None:
            technician_id, start = task.pinned
            worker = _worker_at(
                workers_for.get((technician_id, timezone.localtime(start).date()), []),
                shift_of,
                start,
            )
            if worker is None:
                placement.reason = Reason.PINNED_OFF_DUTY
                continue
            begin = max(sec(start), workers[worker].shift.start)
            windows = [engines.Window(begin, begin)]
            skills = frozenset()  # a hand-made or started visit is not second-guessed
        else:
            task_days = {timezone.localtime(a).date() for a, _b in task.windows}
            if not any(day in task_days for _technician, day in on_duty):
                placement.reason = Reason.NOT_QUALIFIED
                continue
            windows = [
                engines.Window(max(0, sec(a)), max(0, sec(b) - task.minutes * 60))
                for a, b in task.windows
                if sec(b) - task.minutes * 60 >= max(0, sec(a))
            ]
            if not windows:
                placement.reason = Reason.NO_TIME
                continue
            worker = None
        prefer = frozenset(part_skill[p] for p, quantity in task.parts if p in part_skill)
        places.append(task.place)
        jobs.append(
            engines.Job(
                id=number,
                location=len(places) - 1,
                duration=task.minutes * 60,
                windows=windows,
                skills=skills,
                priority=100 if task.pinned else task.priority,
                due=sec(task.due) if task.due and not task.pinned else None,
                worker=worker,
                prefer=prefer,
            )
        )
        job_task[number] = placement
    seconds_matrix, metres = provider().matrix(places) if places else ([], [])
    problem = engines.Problem(
        jobs=jobs, workers=workers, durations=seconds_matrix, distances=metres
    )
    if plan.engine == "greedy":
        solution = plan_field(problem, seconds=seconds, engine=GreedyEngine())
    else:
        solution = plan_field(problem, seconds=seconds)
    job_by_id = {job.id: job for job in jobs}
    travel_m = travel_s = service = 0
    for route in solution.routes:
        shift = shift_of[route.worker]
        previous = workers[route.worker].start
        for order, stop in enumerate(route.stops, start=1):
            job = job_by_id[stop.job]
            placement = job_task[stop.job]
            placement.technician = shift.technician
            placement.sequence = order
            placement.arrives_at = origin + dt.timedelta(seconds=stop.arrival)
            placement.starts_at = origin + dt.timedelta(seconds=stop.start)
            placement.ends_at = origin + dt.timedelta(seconds=stop.end)
            placement.travel_m = int(metres[previous, job.location])
            placement.travel_s = int(seconds_matrix[previous, job.location])
            placement.van_has_parts = (
                bool(job.prefer) and job.prefer <= workers[route.worker].skills
            )
            previous = job.location
            service += stop.end - stop.start
        travel_m += route.distance
        travel_s += route.travel
    for job_id in solution.unassigned:
        job_task[job_id].reason = Reason.NO_ROOM
    working = sum(
        w.shift.end - shift_of[w.id].drive_home - w.shift.start - sum(b.duration for b in w.breaks)
        for w in workers
    )
    return Outcome(
        placements=placements,
        seconds=solution.seconds,
        travel_m=travel_m,
        travel_s=travel_s,
        utilization=service / working if working else 0.0,
    )


def _worker_at(indexes: list[int], shift_of: dict[int, Shift], start: dt.datetime) -> int | None:
    """The worker of the technician's day to hold a visit pinned at `start`: the part of the
    shift it starts in (or the first after it); None when they are away all day."""
    for index in indexes:
        if start < shift_of[index].end:
            return index
    return indexes[-1] if indexes else None


def promised_window(start: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The window told to the customer: from the half-hour before the planned start, two hours."""
    local = timezone.localtime(start)
    floor = local.replace(minute=30 if local.minute >= 30 else 0, second=0, microsecond=0)
    begin = floor - dt.timedelta(minutes=30)
    return begin, begin + WINDOW


def ceil_minutes(seconds: int) -> int:
    return math.ceil(seconds / 60)
