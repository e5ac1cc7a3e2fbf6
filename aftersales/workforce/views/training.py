"""Training pages: courses, sessions (with enrolment, attendance and certificates) and the
register of everyone trained, customers included."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.access import can
from aftersales.core.documents import pdf_response, render_pdf
from aftersales.core.views.edit import act, form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from .. import services
from ..choices import AttendanceStatus
from ..filters import AttendanceFilter, CourseFilter, SessionFilter
from ..forms import CourseForm, EnrolForm, MarkForm, SessionForm
from ..models import Attendance, Course, TrainingSession
from .feedback import fail


class CourseList(ObjectListView):
    model = Course
    filterset_class = CourseFilter
    default_sort = "title"
    select_related = ("qualification",)
    title = gettext_lazy("Training courses")
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("title", gettext_lazy("Title"), sort="title", link=True),
        Column("get_audience_display", gettext_lazy("Audience"), sort="audience"),
        Column("hours", gettext_lazy("Hours"), kind="number"),
        Column("qualification.name", gettext_lazy("Certifies")),
        Column(
            lambda c: gettext_lazy("Yes") if c.is_active else gettext_lazy("No"),
            gettext_lazy("Active"),
            sort="is_active",
        ),
    ]

    @property
    def create_url(self):
        return reverse("workforce:course_create")


@login_required
def course_detail(request, pk: int):
    course = get_object_or_404(
        Course.objects.restrict(request.user, "view").select_related("qualification"), pk=pk
    )
    sessions = course.sessions.order_by("-starts_on")
    context = {
        "title": course.title,
        "course": course,
        "sessions": sessions,
        "can_change": can(request.user, Course, "change"),
        "can_plan": can(request.user, TrainingSession, "add"),
    }
    return TemplateResponse(request, "workforce/course_detail.html", context)


@login_required
def course_create(request):
    require(request, Course, "add")
    return form_page(
        request,
        CourseForm(request.POST or None, user=request.user),
        save=lambda data: services.course_create(by=request.user, **data),
        title=_("New course"),
        done=_("Course saved."),
        cancel_url=reverse("workforce:courses"),
    )


@login_required
def course_edit(request, pk: int):
    course = get_object_or_404(Course.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        CourseForm(request.POST or None, instance=course, user=request.user),
        save=lambda data: services.course_update(course=course, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": course.title},
        done=_("Changes saved."),
        cancel_url=course.get_absolute_url(),
    )


class SessionList(ObjectListView):
    model = TrainingSession
    filterset_class = SessionFilter
    default_sort = "-starts_on"
    select_related = ("course",)
    title = gettext_lazy("Training sessions")
    columns = [
        Column("course.title", gettext_lazy("Course"), sort="course__title", link=True),
        Column("starts_on", gettext_lazy("Starts on"), sort="starts_on", kind="date"),
        Column("ends_on", gettext_lazy("Ends on"), kind="date"),
        Column("location", gettext_lazy("Location")),
        Column("trainer", gettext_lazy("Trainer")),
        Column(lambda s: s.enrolled, gettext_lazy("Enrolled"), kind="number"),
        Column("capacity", gettext_lazy("Places"), kind="number"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
    ]

    @property
    def create_url(self):
        return reverse("workforce:session_create")

    def base_queryset(self):
        from django.db.models import Count, Q

        return (
            super()
            .base_queryset()
            .annotate(
                enrolled=Count(
                    "attendances", filter=~Q(attendances__status=AttendanceStatus.ABSENT)
                )
            )
        )


def _session(request, pk: int, action: str = "view") -> TrainingSession:
    return get_object_or_404(
        TrainingSession.objects.restrict(request.user, action).select_related(
            "course", "course__qualification"
        ),
        pk=pk,
    )


@login_required
def session_detail(request, pk: int):
    session = _session(request, pk)
    attendances = (
        Attendance.objects.restrict(request.user, "view")
        .filter(session=session)
        .select_related("technician", "customer", "agent", "certification")
    )
    context = {
        "title": str(session),
        "session": session,
        "attendances": attendances,
        "statuses": AttendanceStatus,
        "can_change": can(request.user, TrainingSession, "change"),
        "can_enrol": can(request.user, Attendance, "add"),
        "enrol_form": EnrolForm(user=request.user),
    }
    return TemplateResponse(request, "workforce/session_detail.html", context)


@login_required
def session_create(request):
    require(request, TrainingSession, "add")
    initial = {}
    if (course_id := request.GET.get("course", "").strip()) and course_id.isdigit():
        initial["course"] = course_id
    return form_page(
        request,
        SessionForm(request.POST or None, initial=initial, user=request.user),
        save=lambda data: services.session_create(by=request.user, **data),
        title=_("New training session"),
        done=_("Session saved."),
        cancel_url=reverse("workforce:sessions"),
    )


@login_required
def session_edit(request, pk: int):
    session = _session(request, pk, "change")
    return form_page(
        request,
        SessionForm(request.POST or None, instance=session, user=request.user),
        save=lambda data: services.session_update(session=session, by=request.user, **data),
        title=_("Edit the session"),
        done=_("Changes saved."),
        cancel_url=session.get_absolute_url(),
    )


@login_required
@require_POST
def session_enrol(request, pk: int):
    require(request, Attendance, "add")
    session = _session(request, pk)
    form = EnrolForm(request.POST, user=request.user)

    def enrol():
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.attendance_register(session=session, by=request.user, **form.cleaned_data)

    return act(request, session, enrol, done=_("Enrolled."), then=session)


ATTENDANCE_STEPS = ("mark", "certify")


@login_required
@require_POST
def attendance_action(request, pk: int, step: str):
    if step not in ATTENDANCE_STEPS:
        raise Http404
    attendance = get_object_or_404(
        Attendance.objects.restrict(request.user, "change").select_related("session"), pk=pk
    )
    try:
        if step == "mark":
            form = MarkForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Unknown attendance status."))
            services.attendance_mark(
                attendance=attendance, status=form.cleaned_data["status"], by=request.user
            )
            messages.success(request, _("Saved."))
        else:
            attendance = services.attendance_certify(attendance=attendance, by=request.user)
            messages.success(
                request,
                _("Certificate %(number)s issued.") % {"number": attendance.certificate_number},
            )
    except ValidationError as error:
        fail(request, error)
    return redirect(attendance.session)


@login_required
def attendance_certificate(request, pk: int):
    """The certificate of attendance, as a PDF in the reader's language."""
    attendance = get_object_or_404(
        Attendance.objects.restrict(request.user, "view").select_related(
            "session__course__qualification", "technician", "customer", "agent", "certification"
        ),
        pk=pk,
    )
    if not attendance.certificate_number:
        raise Http404
    pdf = render_pdf(
        "workforce/certificate.html",
        {"attendance": attendance, "session": attendance.session},
        language=(get_language() or "en")[:2],
    )
    return pdf_response(pdf, attendance.certificate_number)


class AttendanceList(ObjectListView):
    model = Attendance
    filterset_class = AttendanceFilter
    default_sort = "-session__starts_on"
    select_related = ("session", "session__course", "technician", "customer", "agent")
    title = gettext_lazy("Trained people")
    columns = [
        Column("attendee", gettext_lazy("Name")),
        Column("attendee_kind", gettext_lazy("Attendee")),
        Column(
            lambda a: a.agent.name if a.agent_id else "",
            gettext_lazy("Agent"),
            sort="agent__name",
        ),
        Column(
            "session.course.title", gettext_lazy("Course"), sort="session__course__title", link=True
        ),
        Column(
            "session.starts_on", gettext_lazy("Session"), sort="session__starts_on", kind="date"
        ),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("certificate_number", gettext_lazy("Certificate"), kind="serial"),
        Column("certified_on", gettext_lazy("Certified on"), kind="date"),
    ]

    def can_create(self) -> bool:
        return False  # people are enrolled on a session's page
