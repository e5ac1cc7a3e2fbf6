"""Demo workforce: the F-gas qualification air-conditioner work needs and every air-conditioner
technician's certificate of it (one expiring within a month, one trainee's expired, so the
dispatcher is refused), training courses with sessions for staff, agents' staff and customers,
and tools and vans handed over against signatures, with mileage (one van due for service); time
off: the demo technician's approved leave next week and another technician's request waiting
for a decision."""

import base64
import datetime as dt
import io

from django.db import transaction
from django.utils import timezone

from aftersales.catalog.models import Category
from aftersales.core.models import User
from aftersales.customers.models import Customer
from aftersales.service.models import ServiceType

from . import services
from .choices import AbsenceKind
from .models import Absence, Qualification, Technician, TrainingSession

F_GAS = "F-gas handling"


def _signature(seed: int) -> str:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 80), "white")
    points = [(10 + 25 * i, 40 + ((seed * 7 + i * 13) % 30) - 15) for i in range(9)]
    ImageDraw.Draw(image).line(points, fill="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _qualifications(manager) -> Qualification:
    cooling = Category.objects.get(code="ac")
    kinds = ServiceType.objects.filter(code__in=["installation", "repair", "maintenance"])
    f_gas = services.qualification_create(
        by=manager,
        name=F_GAS,
        validity_months=24,
        description="Handling refrigerants: needed to open an air conditioner's circuit.",
        categories=[cooling],
        service_types=kinds,
    )
    services.qualification_create(
        by=manager,
        name="Working at height",
        validity_months=36,
        description="Outdoor units on walls and roofs. Recorded, not yet required (inactive).",
        is_active=False,
    )
    return f_gas


def _certify_cooling(manager, f_gas, today) -> tuple[int, Technician]:
    cooling = Category.objects.get(code="ac")
    technicians = list(Technician.objects.filter(categories=cooling).order_by("pk"))
    for index, technician in enumerate(technicians):
        issued = today - dt.timedelta(days=60 + 37 * index)
        expires = today + dt.timedelta(days=20) if index == 1 else None
        services.certification_add(
            technician=technician,
            by=manager,
            qualification=f_gas,
            number=f"FG-{technician.pk:04d}",
            issued_on=issued,
            expires_on=expires,
        )
    trainee = services.technician_create(
        by=manager,
        first_name="Nima",
        last_name="Shakeri",
        phone="+989121234599",
        categories=[cooling],
    )
    services.certification_add(
        technician=trainee,
        by=manager,
        qualification=f_gas,
        number="FG-OLD-1",
        issued_on=today - dt.timedelta(days=740),
        expires_on=today - dt.timedelta(days=10),
    )
    return len(technicians), trainee


def _training(manager, f_gas, trainee, today) -> int:
    refresher = services.course_create(
        by=manager,
        code="FG-R",
        title="F-gas refresher",
        audience="agents",
        hours=8,
        qualification=f_gas,
        description="Recovery, leak testing and record keeping; renews the F-gas certificate.",
    )
    held = services.session_create(
        by=manager,
        course=refresher,
        starts_on=today - dt.timedelta(days=3),
        ends_on=today - dt.timedelta(days=3),
        location="Tehran training centre",
        trainer="Eng. Farahani",
        capacity=12,
        status="held",
    )
    attendees = [trainee, *Technician.objects.exclude(agent=None).order_by("pk")[:3]]
    for technician in attendees:
        attendance = services.attendance_register(session=held, by=manager, technician=technician)
        services.attendance_mark(attendance=attendance, status="attended", by=manager)
    for attendance in held.attendances.exclude(technician=trainee):
        services.attendance_certify(attendance=attendance, by=manager)  # the trainee's awaits
    services.session_create(
        by=manager,
        course=refresher,
        starts_on=today + dt.timedelta(days=21),
        ends_on=today + dt.timedelta(days=21),
        location="Isfahan",
        capacity=10,
    )
    customers = services.course_create(
        by=manager,
        code="USE-AC",
        title="Getting the best from your air conditioner",
        audience="customers",
        hours=2,
        description="Filters, modes and when to call for service.",
    )
    session = services.session_create(
        by=manager,
        course=customers,
        starts_on=today - dt.timedelta(days=40),
        ends_on=today - dt.timedelta(days=40),
        location="Showroom, Tehran",
        status="held",
    )
    people = list(Customer.objects.filter(user__isnull=False).order_by("pk")[:1])
    people += list(Customer.objects.filter(user__isnull=True).order_by("pk")[:5])
    for customer in people:
        attendance = services.attendance_register(session=session, by=manager, customer=customer)
        services.attendance_mark(attendance=attendance, status="attended", by=manager)
        services.attendance_certify(attendance=attendance, by=manager)
    office = services.course_create(
        by=manager, code="DESK-1", title="Taking service calls", audience="staff", hours=4
    )
    desk = services.session_create(
        by=manager,
        course=office,
        starts_on=today - dt.timedelta(days=15),
        ends_on=today - dt.timedelta(days=15),
        status="held",
    )
    for name in ("Leila Amini", "Marco Bianchi"):
        attendance = services.attendance_register(session=desk, by=manager, name=name)
        services.attendance_mark(attendance=attendance, status="attended", by=manager)
    return 3


def _equipment(keeper, today) -> int:
    now = timezone.now()
    makers = list(Technician.objects.filter(agent=None, is_active=True).order_by("pk")[:3])
    vans = []
    for index, (plate, last_km, interval_days) in enumerate(
        [
            ("12 ب 345 ایران 11", 11000, 180),
            ("45 ج 678 ایران 22", 41000, 180),
            ("FX 123 AB", 9000, 365),
        ]
    ):
        van = services.asset_create(
            by=keeper,
            kind="vehicle",
            code=f"VEH-{index + 1:02d}",
            name="Service van",
            plate=plate,
            service_interval_km=10000,
            service_interval_days=interval_days,
            last_service_on=today - dt.timedelta(days=150 if index == 1 else 60),
            last_service_km=last_km,
        )
        vans.append(van)
    for index, (van, km) in enumerate(zip(vans, (21500, 50400, 9800), strict=True)):
        for step in range(4):
            day = today - dt.timedelta(days=28 - 7 * step)
            services.mileage_record(
                vehicle=van, km=km - (3 - step) * 300, read_on=day, by=keeper, note="Weekly check"
            )
        if index < len(makers):
            technician = makers[index]
            services.handover_issue(
                asset=van,
                technician=technician,
                signature=_signature(index),
                signed_by=technician.full_name,
                by=keeper,
                condition_out="Good; spare tyre and jack",
                at=now - dt.timedelta(days=27 - index),
            )
    tools = [
        ("T-VP-01", "Vacuum pump", "VP-2231"),
        ("T-VP-02", "Vacuum pump", "VP-2232"),
        ("T-MG-01", "Manifold gauge set", "MG-771"),
        ("T-LD-01", "Electronic leak detector", "LD-09"),
        ("T-RC-01", "Refrigerant recovery unit", "RC-500"),
        ("T-MM-01", "Multimeter", "MM-3312"),
    ]
    for index, (code, name, serial) in enumerate(tools):
        tool = services.asset_create(by=keeper, kind="tool", code=code, name=name, serial=serial)
        if makers:
            technician = makers[index % len(makers)]
            handover = services.handover_issue(
                asset=tool,
                technician=technician,
                signature=_signature(10 + index),
                signed_by=technician.full_name,
                by=keeper,
                condition_out="Checked and working",
                at=now - dt.timedelta(days=20 - index),
            )
            if index == 1:
                services.handover_return(
                    handover=handover, by=keeper, condition_in="Oil changed", at=now
                )
    return len(vans) + len(tools)


@transaction.atomic
def _time_off(manager, today) -> int:
    """The demo technician (login `technician`) off on leave for five days from a week today,
    approved; a colleague's request for a training day the week after, waiting for a decision."""
    if Absence.objects.exists():
        return 0
    made = 0
    technician = Technician.objects.filter(user__username="technician").first()
    if technician is not None:
        first = today + dt.timedelta(days=7)
        starts_at, ends_at = services.whole_days(first, first + dt.timedelta(days=4))
        services.absence_record(
            technician=technician,
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=True,
            kind=AbsenceKind.LEAVE,
            note="Family holiday.",
            by=manager,
        )
        made += 1
    colleague = (
        Technician.objects.filter(is_active=True, agent__isnull=True)
        .exclude(user__username="technician")
        .order_by("pk")
        .first()
    )
    if colleague is not None:
        day = today + dt.timedelta(days=14)
        services.absence_request(
            technician=colleague,
            starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(8))),
            ends_at=timezone.make_aware(dt.datetime.combine(day, dt.time(13))),
            all_day=False,
            kind=AbsenceKind.TRAINING,
            note="Inverter compressors course, morning session.",
            by=None,
        )
        made += 1
    return made


def load_demo() -> str:
    if Qualification.objects.filter(name=F_GAS).exists():
        return "workforce: already loaded"
    manager = User.objects.filter(username="manager").first()
    keeper = User.objects.filter(username="warehouse").first() or manager
    today = timezone.localdate()
    f_gas = _qualifications(manager)
    certified, trainee = _certify_cooling(manager, f_gas, today)
    courses = _training(manager, f_gas, trainee, today)
    assets = _equipment(keeper, today)
    absences = _time_off(manager, today)
    sessions = TrainingSession.objects.count()
    return (
        f"workforce: 2 qualifications, {certified + 1} F-gas certificates (1 expired), "
        f"{courses} courses in {sessions} sessions, {assets} tools and vans, "
        f"{absences} absences (time off)"
    )
