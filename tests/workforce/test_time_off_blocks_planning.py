"""Approved time off keeps visits off a technician: `visit_schedule` (whatever plans the visit)
refuses a window that meets the absence, naming it, and accepts one outside; approving time off
over planned visits names the visits that need another technician and leaves them as they are."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aftersales.service import services as service_services
from aftersales.service.choices import VisitStatus
from aftersales.workforce import services
from aftersales.workforce.choices import AbsenceKind, AbsenceStatus
from tests.service.factories import technician_with_login


def _at(day, hour):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def technician(cooling):
    technician = technician_with_login(username="tech")
    technician.first_name, technician.last_name = "Reza", "Karimi"
    technician.save()
    return technician


@pytest.fixture
def away_day(today):
    return today + dt.timedelta(days=3)


def _ask_and_approve(technician, first, last, dispatcher, **period):
    starts_at, ends_at = period.get("span") or services.whole_days(first, last)
    absence = services.absence_request(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day="span" not in period,
        kind=AbsenceKind.LEAVE,
        by=technician.user,
    )
    assert absence.status == AbsenceStatus.REQUESTED
    return services.absence_decide(absence=absence, approve=True, by=dispatcher)


def test_a_visit_during_approved_leave_is_refused_and_one_after_it_accepted(
    technician, dispatcher, ac_request, away_day, operator
):
    decided = _ask_and_approve(technician, away_day, away_day + dt.timedelta(days=1), dispatcher)
    assert decided.absence.status == AbsenceStatus.APPROVED and decided.visits == []

    with pytest.raises(ValidationError) as refused:
        service_services.visit_schedule(
            request=ac_request,
            technician=technician,
            window_start=_at(away_day + dt.timedelta(days=1), 10),
            window_end=_at(away_day + dt.timedelta(days=1), 12),
            by=operator,
        )
    text = " ".join(refused.value.messages)
    assert "Reza Karimi is away then (Leave," in text
    assert decided.absence.period in text and ac_request.number in text
    assert not ac_request.visits.exists()

    visit = service_services.visit_schedule(
        request=ac_request,
        technician=technician,
        window_start=_at(away_day + dt.timedelta(days=2), 10),
        window_end=_at(away_day + dt.timedelta(days=2), 12),
        by=operator,
    )
    assert visit.technician == technician


def test_a_requested_refused_or_cancelled_absence_does_not_stop_planning(
    technician, dispatcher, ac_request, away_day, operator
):
    starts_at, ends_at = services.whole_days(away_day, away_day)
    asked = services.absence_request(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=True,
        kind=AbsenceKind.SICK,
        by=technician.user,
    )
    visit = service_services.visit_schedule(
        request=ac_request,
        technician=technician,
        window_start=_at(away_day, 9),
        window_end=_at(away_day, 11),
        by=operator,
    )
    assert visit.pk and asked.status == AbsenceStatus.REQUESTED


def test_hours_away_refuse_only_the_visits_that_meet_them(
    technician, dispatcher, ac_request, away_day, operator
):
    _ask_and_approve(technician, None, None, dispatcher, span=(_at(away_day, 8), _at(away_day, 12)))
    with pytest.raises(ValidationError, match="is away then"):
        service_services.visit_schedule(
            request=ac_request,
            technician=technician,
            window_start=_at(away_day, 11),
            window_end=_at(away_day, 13),
            by=operator,
        )
    visit = service_services.visit_schedule(
        request=ac_request,
        technician=technician,
        window_start=_at(away_day, 13),
        window_end=_at(away_day, 15),
        by=operator,
    )
    assert visit.window_start == _at(away_day, 13)


def test_approving_over_planned_visits_names_them_and_moves_nothing(
    technician, dispatcher, ac_request, away_day, operator, login
):
    visit = service_services.visit_schedule(
        request=ac_request,
        technician=technician,
        window_start=_at(away_day, 10),
        window_end=_at(away_day, 12),
        by=operator,
    )
    starts_at, ends_at = services.whole_days(away_day, away_day)
    absence = services.absence_request(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=True,
        kind=AbsenceKind.SICK,
        by=technician.user,
    )
    client = login(dispatcher)
    page = client.get(absence.get_absolute_url())
    assert visit.number in page.content.decode()  # the decider sees them before deciding

    response = client.post(
        f"/technicians/time-off/{absence.pk}/approve/", {"reason": ""}, follow=True
    )
    body = response.content.decode()
    assert "Time off approved." in body
    assert f"This visit needs another technician: {visit.number}." in body
    assert visit.get_absolute_url() in body
    visit.refresh_from_db()
    assert visit.technician == technician and visit.status == VisitStatus.PLANNED
    absence.refresh_from_db()
    assert absence.status == AbsenceStatus.APPROVED and absence.decided_by == dispatcher


def test_a_dispatcher_enters_sick_today_approved_at_once(technician, dispatcher, login, today):
    client = login(dispatcher)
    response = client.post(
        "/technicians/time-off/new/",
        {
            "technician": technician.pk,
            "kind": "sick",
            "first_day": today.isoformat(),
            "approved": "on",
        },
    )
    assert response.status_code == 302
    absence = technician.absences.get()
    assert absence.status == AbsenceStatus.APPROVED and absence.all_day
    assert absence.first_day == today == absence.last_day
    assert absence.requested_by == dispatcher == absence.decided_by


def test_the_check_is_registered_for_every_planning():
    from aftersales.service.planning import _checks
    from aftersales.workforce.planning import technician_away

    assert technician_away in _checks
