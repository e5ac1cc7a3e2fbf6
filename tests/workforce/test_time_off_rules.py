"""Time off: who sees and decides what, and what is refused (an overlap, an end before the start,
a refusal without a reason) with nothing saved."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.core.choices import Role
from aftersales.workforce import services
from aftersales.workforce.choices import AbsenceKind, AbsenceStatus
from aftersales.workforce.models import Absence
from tests.service.factories import technician_with_login


@pytest.fixture
def reza(db):
    technician = technician_with_login(username="reza")
    technician.first_name, technician.last_name = "Reza", "Karimi"
    technician.save()
    return technician


@pytest.fixture
def first(today):
    return today + dt.timedelta(days=5)


def _ask(technician, first, last, *, by=None, kind=AbsenceKind.LEAVE):
    starts_at, ends_at = services.whole_days(first, last)
    return services.absence_request(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=True,
        kind=kind,
        by=by or technician.user,
    )


def test_an_overlapping_request_is_refused_saying_which(reza, first):
    _ask(reza, first, first + dt.timedelta(days=4))
    with pytest.raises(ValidationError) as refused:
        _ask(reza, first + dt.timedelta(days=4), first + dt.timedelta(days=6))
    assert "Reza Karimi already has time off in that period: Leave" in refused.value.messages[0]
    assert "(Requested)" in refused.value.messages[0]
    assert Absence.objects.count() == 1


def test_a_refused_or_cancelled_absence_frees_the_days_again(reza, first, dispatcher):
    asked = _ask(reza, first, first)
    services.absence_decide(absence=asked, approve=False, reason="Busy season.", by=dispatcher)
    again = _ask(reza, first, first)
    services.absence_cancel(absence=again, by=reza.user)
    assert _ask(reza, first, first).status == AbsenceStatus.REQUESTED


def test_the_end_must_come_after_the_start(reza, first, login):
    later, earlier = services.whole_days(first, first)
    with pytest.raises(ValidationError, match="must end after it starts"):
        services.absence_request(
            technician=reza,
            starts_at=earlier,
            ends_at=later,
            kind=AbsenceKind.LEAVE,
            by=reza.user,
        )
    response = login(reza.user).post(
        "/technicians/time-off/new/",
        {
            "kind": "leave",
            "first_day": first.isoformat(),
            "from_time": "14:00",
            "until_time": "10:00",
        },
    )
    assert response.status_code == 400
    assert "The absence must end after it starts." in response.content.decode()
    response = login(reza.user).post(
        "/technicians/time-off/new/",
        {
            "kind": "leave",
            "first_day": first.isoformat(),
            "last_day": (first - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert "The last day cannot be before the first day." in response.content.decode()
    assert not Absence.objects.exists()


def test_a_refusal_needs_a_reason(reza, first, dispatcher):
    asked = _ask(reza, first, first)
    with pytest.raises(ValidationError, match="Say why"):
        services.absence_decide(absence=asked, approve=False, reason=" ", by=dispatcher)
    asked.refresh_from_db()
    assert asked.status == AbsenceStatus.REQUESTED
    services.absence_decide(absence=asked, approve=False, reason="Too many away", by=dispatcher)
    asked.refresh_from_db()
    assert asked.status == AbsenceStatus.REFUSED and asked.decision_note == "Too many away"
    with pytest.raises(ValidationError, match="already decided"):
        services.absence_decide(absence=asked, approve=True, by=dispatcher)


def test_a_technician_asks_for_their_own_and_sees_only_their_own(reza, first, login, cooling):
    colleague = technician_with_login(username="colleague")
    theirs = _ask(colleague, first, first)
    client = login(reza.user)
    form = client.get("/technicians/time-off/new/").content.decode()
    assert 'name="technician"' not in form and 'name="approved"' not in form
    response = client.post(
        "/technicians/time-off/new/",
        {
            "kind": "training",
            "first_day": first.isoformat(),
            "from_time": "08:00",
            "until_time": "12:30",
            "note": "Inverter course",
        },
    )
    mine = reza.absences.get()
    assert response.status_code == 302 and mine.status == AbsenceStatus.REQUESTED
    assert not mine.all_day and mine.kind == "training" and mine.requested_by == reza.user
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(mine.get_absolute_url()).status_code == 200
    listing = client.get("/technicians/time-off/").content.decode()
    assert "Reza Karimi" in listing and colleague.full_name not in listing
    # a technician never decides, not even their own
    client.post(f"/technicians/time-off/{mine.pk}/approve/")
    mine.refresh_from_db()
    assert mine.status == AbsenceStatus.REQUESTED
    with pytest.raises(PermissionDenied):
        services.absence_request(
            technician=colleague,
            starts_at=mine.starts_at,
            ends_at=mine.ends_at,
            kind=AbsenceKind.LEAVE,
            by=reza.user,
        )


def test_agent_staff_decide_only_their_own_technicians(agent, other_agent, make_user, login, first):
    ours = technician_with_login(agent=agent, username="ours")
    theirs = technician_with_login(agent=other_agent, username="theirs")
    our_request = _ask(ours, first, first)
    their_request = _ask(theirs, first, first)
    staff = make_user(Role.AGENT, username="agentstaff", agent=agent)
    client = login(staff)

    assert client.get(their_request.get_absolute_url()).status_code == 404
    assert client.post(f"/technicians/time-off/{their_request.pk}/approve/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.absence_decide(absence=their_request, approve=True, by=staff)
    their_request.refresh_from_db()
    assert their_request.status == AbsenceStatus.REQUESTED

    page = client.get(our_request.get_absolute_url()).content.decode()
    assert "Approve" in page
    client.post(f"/technicians/time-off/{our_request.pk}/approve/")
    our_request.refresh_from_db()
    assert our_request.status == AbsenceStatus.APPROVED and our_request.decided_by == staff


def test_the_list_filters_and_exports(reza, first, dispatcher, login):
    _ask(reza, first, first + dt.timedelta(days=1))
    other = technician_with_login(username="other")
    other.last_name = "Zand"
    other.save()
    sick = _ask(other, first, first, kind=AbsenceKind.SICK)
    services.absence_decide(absence=sick, approve=True, by=dispatcher)
    client = login(dispatcher)
    body = client.get("/technicians/time-off/", {"status": "approved"}).content.decode()
    assert "Zand" in body and "Karimi" not in body
    body = client.get("/technicians/time-off/", {"kind": "leave", "q": "kari"}).content.decode()
    assert "Karimi" in body and "Zand" not in body
    day_after = (first + dt.timedelta(days=1)).isoformat()
    body = client.get("/technicians/time-off/", {"away_on": day_after}).content.decode()
    assert "Karimi" in body and "Zand" not in body
    export = client.get("/technicians/time-off/", {"export": "csv", "sort": "ends_at"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert export.status_code == 200 and "Karimi" in text and "Zand" in text


def test_time_off_is_in_the_audit_log(reza, first, dispatcher):
    from auditlog.models import LogEntry

    asked = _ask(reza, first, first)
    services.absence_decide(absence=asked, approve=True, by=dispatcher)
    assert LogEntry.objects.get_for_object(asked).count() >= 2


def test_more_than_a_year_away_is_entered_in_parts(reza, first):
    with pytest.raises(ValidationError) as refused:
        _ask(reza, first, first + dt.timedelta(days=400))
    assert "at most 366 days" in refused.value.message_dict["ends_at"][0]
    assert not Absence.objects.exists()
