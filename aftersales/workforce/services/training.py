"""Writes of training: courses, sessions, enrolment, attendance and certificates of attendance.

A certificate of attendance of a course that certifies a qualification creates the technician's
certification of it, or renews the one they hold (new issue date, new expiry).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.core.models import User
from aftersales.core.numbering import next_number

from ..choices import AttendanceStatus, Audience, SessionStatus
from ..models import Attendance, Certification, Course, Technician, TrainingSession
from .base import fill

COURSE_FIELDS = ("code", "title", "description", "audience", "hours", "qualification", "is_active")
SESSION_FIELDS = (
    "course",
    "starts_on",
    "ends_on",
    "location",
    "trainer",
    "capacity",
    "status",
    "notes",
)


@transaction.atomic
def course_create(*, by: User | None, **data) -> Course:
    course = Course()
    fill(course, data, COURSE_FIELDS)
    course.save()
    return course


@transaction.atomic
def course_update(*, course: Course, by: User | None, **data) -> Course:
    fill(course, data, COURSE_FIELDS)
    course.save()
    return course


def _check_session(session: TrainingSession) -> None:
    if session.starts_on and session.ends_on and session.ends_on < session.starts_on:
        raise ValidationError({"ends_on": _("A session cannot end before it starts.")})
    future = session.starts_on and session.starts_on > timezone.localdate()
    if session.status == SessionStatus.HELD and future:
        raise ValidationError({"status": _("A session that has not started cannot be held.")})
    if session.pk and session.capacity is not None:
        enrolled = session.attendances.exclude(status=AttendanceStatus.ABSENT).count()
        if enrolled > session.capacity:
            raise ValidationError(
                {"capacity": _("%(count)s people are already enrolled.") % {"count": enrolled}}
            )


@transaction.atomic
def session_create(*, by: User | None, **data) -> TrainingSession:
    session = TrainingSession()
    fill(session, data, SESSION_FIELDS, check=_check_session)
    session.save()
    return session


@transaction.atomic
def session_update(*, session: TrainingSession, by: User | None, **data) -> TrainingSession:
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    certified = session.attendances.exclude(certificate_number="").exists()
    if certified and data.get("course", session.course) != session.course:
        raise ValidationError(
            {"course": _("Certificates were issued for this session; its course is fixed.")}
        )
    fill(session, data, SESSION_FIELDS, check=_check_session)
    session.save()
    return session


def _check_audience(course: Course, *, customer) -> None:
    if customer is not None and course.audience not in (Audience.CUSTOMERS, Audience.EVERYONE):
        raise ValidationError({"customer": _("This course is not for customers.")})
    if customer is None and course.audience == Audience.CUSTOMERS:
        raise ValidationError(_("This course is for customers only."))


@transaction.atomic
def attendance_register(
    *,
    session: TrainingSession,
    by: User | None,
    technician: Technician | None = None,
    customer=None,
    name: str = "",
    agent=None,
) -> Attendance:
    """Enrol one person in a session: a technician, a customer, or a member of staff by name
    (with the agent they work for; none for the maker's staff)."""
    session = (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=session.pk)
    )
    name = (name or "").strip()
    given = [bool(technician), bool(customer), bool(name)]
    if sum(given) != 1:
        raise ValidationError(_("Choose one attendee: a technician, a customer, or a name."))
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(_("The session is cancelled."))
    _check_audience(session.course, customer=customer)
    if technician is not None:
        if not technician.is_active:
            raise ValidationError({"technician": _("This technician is not active.")})
        if session.attendances.filter(technician=technician).exists():
            raise ValidationError({"technician": _("Already enrolled in this session.")})
        agent = technician.agent
    if customer is not None:
        if session.attendances.filter(customer=customer).exists():
            raise ValidationError({"customer": _("Already enrolled in this session.")})
        agent = None
    if session.capacity is not None:
        taken = session.attendances.exclude(status=AttendanceStatus.ABSENT).count()
        if taken >= session.capacity:
            raise ValidationError(_("The session is full."))
    attendance = Attendance(
        session=session, technician=technician, customer=customer, name=name, agent=agent
    )
    attendance.full_clean()
    attendance.save()
    return attendance


@transaction.atomic
def attendance_mark(*, attendance: Attendance, status: str, by: User | None) -> Attendance:
    """Whether the person came (attended or absent), once the session has started."""
    attendance = (
        Attendance.objects.select_for_update(of=("self",))
        .select_related("session")
        .get(pk=attendance.pk)
    )
    if status not in AttendanceStatus.values:
        raise ValidationError({"status": _("Unknown attendance status.")})
    if attendance.session.status == SessionStatus.CANCELLED:
        raise ValidationError(_("The session is cancelled."))
    if (
        status != AttendanceStatus.REGISTERED
        and attendance.session.starts_on > timezone.localdate()
    ):
        raise ValidationError(_("Attendance is taken once the session has started."))
    if attendance.certificate_number and status != AttendanceStatus.ATTENDED:
        raise ValidationError(_("A certificate was issued for this attendance."))
    attendance.status = status
    attendance.save()
    return attendance


@transaction.atomic
def attendance_certify(*, attendance: Attendance, by: User | None) -> Attendance:
    """A certificate of attendance (numbered TRC-<year>-…), dated the session's last day. For a
    technician on a course that certifies a qualification it creates their certification, or
    renews the latest one they hold."""
    attendance = (
        Attendance.objects.select_for_update(of=("self",))  # the row, not the joined ones
        .select_related("session__course__qualification", "technician")
        .get(pk=attendance.pk)
    )
    if attendance.status != AttendanceStatus.ATTENDED:
        raise ValidationError(_("Only someone who attended gets a certificate."))
    if attendance.certificate_number:
        raise ValidationError(_("A certificate was already issued for this attendance."))
    day = attendance.session.ends_on
    if day > timezone.localdate():
        raise ValidationError(_("The certificate is issued once the session has ended."))
    attendance.certified_on = day
    attendance.certificate_number = next_number(f"TRC-{day.year}")
    qualification = attendance.session.course.qualification
    if qualification is not None and attendance.technician_id:
        attendance.certification = _certify(attendance, qualification, day)
    attendance.save()
    return attendance


def _certify(attendance: Attendance, qualification, day) -> Certification:
    expires = qualification.expiry_from(day)
    held = (
        Certification.objects.select_for_update()
        .filter(technician=attendance.technician, qualification=qualification)
        .order_by("-issued_on", "-pk")
        .first()
    )
    if held is None:
        return Certification.objects.create(
            technician=attendance.technician,
            qualification=qualification,
            number=attendance.certificate_number,
            issued_on=day,
            expires_on=expires,
        )
    if day >= held.issued_on:
        held.issued_on = day
        held.number = attendance.certificate_number
    if held.expires_on is not None:
        held.expires_on = None if expires is None else max(expires, held.expires_on)
    held.save()
    return held
