"""Grading pages: grades and scorecard settings, scorecards, grade history."""

import datetime as dt

import django_filters
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from .. import selectors, services
from ..forms import GradeAssignForm, GradeForm, MetricForm, PeriodForm
from ..models import Agent, Grade, GradeAssignment, Scorecard, ScorecardMetric
from ..scorecard import MIN_JOBS


def last_quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last full calendar quarter before `today`."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    this_quarter = dt.date(today.year, first_month, 1)
    end = this_quarter - dt.timedelta(days=1)
    return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


@login_required
def grade_list(request):
    require(request, Grade, "view")
    return TemplateResponse(
        request,
        "agents/grades.html",
        {
            "title": _("Grades and scorecard"),
            "grades": Grade.objects.restrict(request.user, "view").prefetch_related(
                "categories", "service_types", "required_equipment"
            ),
            "metrics": ScorecardMetric.objects.restrict(request.user, "view"),
            "can_change": Grade.policy.allows(request.user, "change"),
        },
    )


@login_required
def grade_edit(request, pk: int | None = None):
    grade = None
    if pk is None:
        require(request, Grade, "add")
    else:
        grade = get_object_or_404(Grade.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        GradeForm(request.POST or None, instance=grade),
        save=lambda data: (
            services.grade_save(grade=grade, by=request.user, **data) and reverse("agents:grades")
        ),
        title=_("Grade"),
        done=_("Changes saved."),
        cancel_url=reverse("agents:grades"),
    )


@login_required
def metric_edit(request, pk: int):
    metric = get_object_or_404(ScorecardMetric.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        MetricForm(request.POST or None, instance=metric),
        save=lambda data: (
            services.metric_save(metric=metric, by=request.user, **data)
            and reverse("agents:grades")
        ),
        title=_("How %(kpi)s counts") % {"kpi": metric.get_metric_display()},
        done=_("Changes saved."),
        cancel_url=reverse("agents:grades"),
        intro=_(
            "The KPI earns no points at the first value and full points at the second, "
            "linearly in between. For a KPI where lower is better, give a lower full-points "
            "value."
        ),
    )


class ScorecardFilter(django_filters.FilterSet):
    q = SearchFilter(label=gettext_lazy("Agent"), fields=("agent__code", "agent__name"))
    grade = django_filters.ModelChoiceFilter(
        queryset=Grade.objects.all(), label=gettext_lazy("Grade"), empty_label=gettext_lazy("All")
    )
    period_end = DateFilter(lookup_expr="gte", label=gettext_lazy("Ending from"))

    class Meta:
        model = Scorecard
        fields = ["q", "grade", "period_end"]
        form = FilterForm


def _score(card):
    return "—" if card.score is None else card.score


class ScorecardList(ObjectListView):
    model = Scorecard
    filterset_class = ScorecardFilter
    default_sort = "-period_end"
    select_related = ("agent", "grade")
    title = gettext_lazy("Scorecards")
    columns = [
        Column("agent.code", gettext_lazy("Agent"), sort="agent__code", link=True, kind="serial"),
        Column("agent.name", gettext_lazy("Name"), sort="agent__name"),
        Column("period_start", gettext_lazy("From"), sort="period_start", kind="date"),
        Column("period_end", gettext_lazy("Until"), sort="period_end", kind="date"),
        Column("jobs", gettext_lazy("Jobs"), sort="jobs"),
        Column(_score, gettext_lazy("Score"), sort="score"),
        Column("grade.code", gettext_lazy("Grade reached"), sort="grade__rank"),
    ]

    @property
    def create_url(self):
        return reverse("agents:scorecards_compute")

    def can_create(self) -> bool:
        return Scorecard.policy.allows(self.request.user, "add")


class GradeHistoryList(ObjectListView):
    model = GradeAssignment
    default_sort = "-valid_from"
    select_related = ("agent", "grade", "decided_by")
    title = gettext_lazy("Grade history")
    columns = [
        Column("agent.code", gettext_lazy("Agent"), sort="agent__code", kind="serial"),
        Column("agent.name", gettext_lazy("Name"), sort="agent__name"),
        Column("grade.code", gettext_lazy("Grade"), sort="grade__rank"),
        Column("valid_from", gettext_lazy("Valid from"), sort="valid_from", kind="date"),
        Column("note", gettext_lazy("Note")),
    ]

    def can_create(self) -> bool:
        return False


@login_required
def scorecard_detail(request, pk: int):
    card = get_object_or_404(
        Scorecard.objects.restrict(request.user, "view").select_related("agent", "grade"), pk=pk
    )
    rows = selectors.scorecard_rows(card)
    return TemplateResponse(
        request,
        "agents/scorecard.html",
        {
            "title": _("Scorecard of %(name)s") % {"name": card.agent.name},
            "card": card,
            "rows": rows,
            "chart": {
                "labels": [str(row["label"]) for row in rows],
                "values": [
                    None if row["points"] is None else float(row["points"] * 100) for row in rows
                ],
            },
            "history": selectors.scorecard_trend(card.agent, user=request.user),
            "grade_now": selectors.grade_on(card.agent, timezone.localdate()),
            "min_jobs": MIN_JOBS,
            "can_grade": GradeAssignment.policy.allows(request.user, "add"),
            "grade_form": GradeAssignForm(
                initial={"grade": card.grade, "valid_from": card.period_end + dt.timedelta(days=1)}
            ),
        },
    )


@login_required
def scorecard_compute(request, pk: int):
    require(request, Scorecard, "add")
    agent = get_object_or_404(Agent.objects.restrict(request.user, "change"), pk=pk)
    start, end = last_quarter(timezone.localdate())
    return form_page(
        request,
        PeriodForm(request.POST or None, initial={"start": start, "end": end}),
        save=lambda data: services.scorecard_compute(
            agent=agent, start=data["start"], end=data["end"], by=request.user
        ),
        title=_("Scorecard of %(name)s") % {"name": agent.name},
        done=_("Scorecard computed."),
        cancel_url=agent.get_absolute_url(),
        submit_label=_("Compute"),
    )


@login_required
def scorecards_compute(request):
    require(request, Scorecard, "add")
    start, end = last_quarter(timezone.localdate())
    return form_page(
        request,
        PeriodForm(request.POST or None, initial={"start": start, "end": end}),
        save=lambda data: (
            services.scorecards_compute(start=data["start"], end=data["end"], by=request.user)
            is not None
            and reverse("agents:scorecards")
        ),
        title=_("Scorecards of every working agent"),
        done=_("Scorecards computed."),
        cancel_url=reverse("agents:scorecards"),
        submit_label=_("Compute"),
    )


@login_required
def grade_assign(request, pk: int):
    """Give the agent the grade a scorecard reached (or another, with a note)."""
    require(request, GradeAssignment, "add")
    card = get_object_or_404(
        Scorecard.objects.restrict(request.user, "change").select_related("agent"), pk=pk
    )
    initial = {"grade": card.grade, "valid_from": card.period_end + dt.timedelta(days=1)}
    return form_page(
        request,
        GradeAssignForm(request.POST or None, initial=initial),
        save=lambda data: (
            services.grade_assign(agent=card.agent, scorecard=card, by=request.user, **data)
            and card.agent
        ),
        title=_("Grade %(name)s") % {"name": card.agent.name},
        done=_("Grade given."),
        cancel_url=card.get_absolute_url(),
    )
