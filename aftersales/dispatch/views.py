"""Pages of dispatch: the plans, a plan's board, moving and pinning visits, publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.views.edit import act, form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from . import selectors, services
from .choices import PlanStatus
from .filters import AssignmentFilter, PlanFilter
from .forms import MoveForm, PlanForm
from .models import Assignment, Plan


class PlanList(ObjectListView):
    model = Plan
    filterset_class = PlanFilter
    default_sort = "-first_day"
    select_related = ("agent",)
    title = gettext_lazy("Dispatch plans")
    create_url = reverse_lazy("dispatch:plan_new")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("first_day", gettext_lazy("First day"), sort="first_day", kind="date"),
        Column("days", gettext_lazy("Days"), sort="days", kind="number"),
        Column("agent", gettext_lazy("Agent")),
        Column("get_engine_display", gettext_lazy("Planner")),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("travel_km", gettext_lazy("Travel (km)"), sort="travel_km", kind="number"),
        Column("planning_seconds", gettext_lazy("Planning time (s)"), kind="number"),
        Column("planned_at", gettext_lazy("Planned"), sort="planned_at", kind="datetime"),
    ]


def _plan(request, pk: int, action: str = "view") -> Plan:
    return get_object_or_404(Plan.objects.restrict(request.user, action), pk=pk)


@login_required
def plan_new(request):
    require(request, Plan, "add")
    form = PlanForm(request.POST or None, initial={"first_day": timezone.localdate(), "days": 1})
    return form_page(
        request,
        form,
        save=lambda data: services.plan_create(by=request.user, **data),
        title=_("Plan the technicians' days"),
        done=_("The plan is ready. Check it, then publish it."),
        cancel_url=reverse("dispatch:plans"),
    )


@login_required
def board(request, pk: int):
    plan = _plan(request, pk)
    data = selectors.board(plan, request.user)
    context = {
        "plan": plan,
        "board": data,
        "chart": selectors.chart(data),
        "placed": sum(lane.visits for lane in data.lanes),
        "late": sum(1 for lane in data.lanes for bar in lane.bars if bar.kind == "late"),
        "utilization": round(plan.utilization * 100, 1),
        "can_change": Plan.objects.restrict(request.user, "change").filter(pk=plan.pk).exists(),
        "published": plan.status == PlanStatus.PUBLISHED,
        "title": _("Plan %(number)s") % {"number": plan.number},
    }
    return TemplateResponse(request, "dispatch/board.html", context)


def _act(request, action, *, done: str, then: str):
    """`act` on the plan's page; a refusal by role is shown as a message too."""
    try:
        return act(request, then, action, done=done, then=then)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect(then)


@login_required
@require_POST
def replan(request, pk: int):
    plan = _plan(request, pk, "change")
    return _act(
        request,
        lambda: services.plan_run(plan=plan, by=request.user),
        done=_("Re-planned: visits under way and pinned ones kept their places."),
        then=plan.get_absolute_url(),
    )


@login_required
@require_POST
def publish(request, pk: int):
    plan = _plan(request, pk, "change")
    return _act(
        request,
        lambda: services.plan_publish(plan=plan, by=request.user),
        done=_("Published: the technicians have their visits and the customers their windows."),
        then=plan.get_absolute_url(),
    )


def _assignment(request, pk: int, action: str = "change") -> Assignment:
    return get_object_or_404(
        Assignment.objects.restrict(request.user, action).select_related("plan", "request"),
        pk=pk,
    )


@login_required
@require_POST
def pin(request, pk: int):
    row = _assignment(request, pk)
    pinned = request.POST.get("pinned") == "1"
    return _act(
        request,
        lambda: services.assignment_pin(assignment=row, pinned=pinned, by=request.user),
        done=_("Pinned: re-planning keeps it where it is.") if pinned else _("Unpinned."),
        then=row.plan.get_absolute_url(),
    )


@login_required
@require_POST
def cancel(request, pk: int):
    row = _assignment(request, pk)
    return _act(
        request,
        lambda: services.assignment_cancel(assignment=row, by=request.user),
        done=_("Cancelled: the visit is out of the plan, and the customer's window is freed."),
        then=row.plan.get_absolute_url(),
    )


@login_required
def move(request, pk: int):
    row = _assignment(request, pk)
    initial = {"technician": row.technician_id, "starts_at": row.starts_at}
    form = MoveForm(
        request.POST or None,
        initial=initial,
        technicians=selectors.movable_to(row, request.user),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.assignment_move(assignment=row, by=request.user, **data).plan,
        title=_("Move %(request)s") % {"request": row.request.number},
        done=_("Moved and pinned; the rest of the plan was re-planned around it."),
        cancel_url=row.plan.get_absolute_url(),
    )


class AssignmentList(ObjectListView):
    model = Assignment
    filterset_class = AssignmentFilter
    default_sort = "starts_at"
    select_related = ("plan", "request", "request__customer", "technician")
    title = gettext_lazy("Assignments")
    columns = [
        Column("request.number", gettext_lazy("Request"), sort="request__number", kind="serial"),
        Column("request.customer.display_name", gettext_lazy("Customer")),
        Column("request.get_priority_display", gettext_lazy("Priority"), sort="request__priority"),
        Column("technician", gettext_lazy("Technician"), sort="technician__last_name"),
        Column("starts_at", gettext_lazy("Starts"), sort="starts_at", kind="datetime"),
        Column("window_start", gettext_lazy("Promised from"), kind="datetime"),
        Column("window_end", gettext_lazy("Promised until"), kind="datetime"),
        Column("travel_km", gettext_lazy("Travel (km)"), sort="travel_km", kind="number"),
        Column("sla_due", gettext_lazy("SLA due"), sort="sla_due", kind="datetime"),
        Column("pinned", gettext_lazy("Pinned"), kind="bool"),
        Column("get_reason_display", gettext_lazy("Why not placed"), sort="reason"),
    ]

    def base_queryset(self):
        self.plan = _plan(self.request, self.kwargs["pk"])
        return super().base_queryset().filter(plan=self.plan)

    def can_create(self) -> bool:
        return False
