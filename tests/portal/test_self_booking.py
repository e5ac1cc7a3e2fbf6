"""Customers choose the time of a visit from the technicians' free windows (and operators offer
the same windows on the phone): the slot finder, booking, moving, the race, access, the API."""

import datetime as dt
import threading
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.dispatch import slots
from aftersales.dispatch.booking import TAKEN, visit_book
from aftersales.service import planning, services
from aftersales.service.models import ServiceType, Visit
from tests.factories import AgentFactory, CustomerFactory, TechnicianFactory, UnitFactory
from tests.service.factories import HolidayFactory, open_request

pytestmark = pytest.mark.django_db
TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
ROME = zoneinfo.ZoneInfo("Europe/Rome")
# a Saturday morning in Tehran: the Iranian week starts, Friday 2026-12-11 is the day off
SATURDAY = dt.datetime(2026, 12, 5, 6, 0, tzinfo=TEHRAN)


@pytest.fixture(autouse=True)
def _bookable(db, settings):
    ServiceType.objects.filter(code__in=["repair", "maintenance"]).update(self_booking=True)
    ServiceType.objects.filter(code="measurement").update(self_booking=False)
    settings.BOOKING_WINDOWS = ["08:00-12:00", "12:00-16:00", "16:00-20:00"]
    settings.BOOKING_DAYS = 10
    settings.BOOKING_CUTOFF_HOURS = 24
    settings.BOOKING_LEAD_HOURS = 2
    settings.BOOKING_TRAVEL_MINUTES = 30


@pytest.fixture
def technician(agent):
    return TechnicianFactory(agent=agent, first_name="Reza", last_name="Ahmadi")


@pytest.fixture
def job(operator, owner, owned_unit, technician):
    """An open repair request of the owner, for the agent whose technician is `technician`."""
    return open_request(by=operator, customer=owner, unit=owned_unit)


def _days(offer):
    return sorted({slot.start.astimezone(TEHRAN).date() for slot in offer.slots})


def _next_slot(request):
    offer = slots.slots_for(request)
    assert offer.slots, offer.reason
    return offer.slots[0]


# --- the finder ---------------------------------------------------------------------------------


def test_windows_of_ten_business_days_without_friday_or_holidays(job):
    HolidayFactory(calendar="IR", date=dt.date(2026, 12, 8), name="A holiday")
    offer = slots.slots_for(job, now=SATURDAY)
    days = _days(offer)
    assert len(days) == 10
    assert days[0] == dt.date(2026, 12, 5)
    assert dt.date(2026, 12, 11) not in days  # Friday
    assert dt.date(2026, 12, 8) not in days  # the holiday
    saturday = [s for s in offer.slots if s.start.date() == dt.date(2026, 12, 5)]
    # shift 08-17: 08-12 and 12-16 have room; 16-20 has one hour of shift, less than a repair
    assert [(s.start.hour, s.end.hour) for s in saturday] == [(8, 12), (12, 16)]
    assert all(s.start.tzinfo == TEHRAN for s in offer.slots)


def test_an_evening_offers_ten_days_from_tomorrow(job):
    evening = SATURDAY.replace(hour=19)  # the last window (16:00) is gone
    days = _days(slots.slots_for(job, now=evening))
    assert len(days) == 10 and days[0] == dt.date(2026, 12, 6)


def test_italian_windows_skip_the_weekend_in_rome_time(operator, make_user):
    agent = AgentFactory(code="AG-IT", name="Milano Service", city="Milano", country="IT")
    technician = TechnicianFactory(agent=agent, shift_start=dt.time(8), shift_end=dt.time(18))
    user = make_user(Role.CUSTOMER, username="giulia", language="it")
    customer = CustomerFactory(first_name="Giulia", last_name="Bianchi", country="IT", user=user)
    request = open_request(
        by=operator, customer=customer, unit=UnitFactory(owner=customer, service_agent=agent)
    )
    assert request.calendar == "IT"
    friday = dt.datetime(2026, 12, 4, 5, 0, tzinfo=ROME)
    offer = slots.slots_for(request, now=friday)
    days = sorted({s.start.astimezone(ROME).date() for s in offer.slots})
    assert dt.date(2026, 12, 5) not in days and dt.date(2026, 12, 6) not in days  # weekend
    assert days[:2] == [dt.date(2026, 12, 4), dt.date(2026, 12, 7)]
    first = offer.slots[0]
    assert first.start == dt.datetime(2026, 12, 4, 8, 0, tzinfo=ROME)  # 08:00 in Rome
    assert first.technician == technician


def test_a_full_day_is_not_offered(operator, owner, owned_unit, job, technician):
    monday = dt.date(2026, 12, 7)
    for hour in (8, 10, 12, 14, 16):  # five visits of 60 min + 30 min travel fill 510 minutes
        other = open_request(by=operator, customer=owner, unit=owned_unit)
        other = services.request_triage(request=other, by=operator)
        start = dt.datetime.combine(monday, dt.time(hour), tzinfo=TEHRAN)
        services.visit_schedule(
            request=other,
            technician=technician,
            window_start=start,
            window_end=start + dt.timedelta(hours=2),
            by=operator,
        )
    days = _days(slots.slots_for(job, now=SATURDAY))
    assert monday not in days
    assert dt.date(2026, 12, 6) in days and dt.date(2026, 12, 8) in days


def test_only_qualified_active_technicians_of_the_agent(job, agent, technician, other_agent):
    from tests.factories import CategoryFactory

    technician.is_active = False
    technician.save()
    TechnicianFactory(agent=other_agent)  # another agent's: never theirs
    specialist = TechnicianFactory(agent=agent)
    specialist.categories.add(CategoryFactory(code="washers"))  # not this unit's category
    offer = slots.slots_for(job, now=SATURDAY)
    assert offer.slots == []
    assert "call you" in offer.reason


def test_the_planning_checks_of_other_apps_are_obeyed(job, technician, agent):
    second = TechnicianFactory(agent=agent)

    def second_is_away(planned):
        return {
            visit.request.pk: "away"
            for visit in planned
            if visit.technician is not None and visit.technician.pk == second.pk
        }

    def nobody_on_saturday(planned):
        return {
            visit.request.pk: "closed"
            for visit in planned
            if visit.window_start is not None and visit.window_start.date() == dt.date(2026, 12, 5)
        }

    planning.register_check(second_is_away)
    planning.register_check(nobody_on_saturday)
    try:
        offer = slots.slots_for(job, now=SATURDAY)
    finally:
        planning.unregister_check(second_is_away)
        planning.unregister_check(nobody_on_saturday)
    assert {s.technician for s in offer.slots} == {technician}
    assert dt.date(2026, 12, 5) not in _days(offer)


def test_a_type_the_dispatcher_plans_is_not_offered(login, operator, owner, owned_unit, technician):
    request = open_request(by=operator, customer=owner, unit=owned_unit, code="measurement")
    assert not slots.offered(request)
    page = login(owner.user).get(f"/service/my/{request.pk}/").content.decode()
    assert 'id="choose-time"' not in page
    response = login(owner.user).post(
        f"/my/requests/{request.pk}/book/", {"start": "2026-12-09T08:00:00+03:30"}
    )
    assert response.status_code == 302
    assert not Visit.objects.filter(request=request).exists()


# --- booking ------------------------------------------------------------------------------------


def test_the_customer_books_a_window_once(
    login, owner, job, technician, django_capture_on_commit_callbacks
):
    owner.email = "sara@example.com"
    owner.preferred_language = "en"
    owner.save()
    client = login(owner.user)
    page = client.get(f"/service/my/{job.pk}/").content.decode()
    assert 'id="choose-time"' in page and "Choose a time" in page
    slot = _next_slot(job)
    assert slot.key in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/my/requests/{job.pk}/book/", {"start": slot.key})
    assert response.status_code == 302 and response.url == f"/service/my/{job.pk}/"
    visit = Visit.objects.get(request=job)
    assert (visit.technician, visit.window_start, visit.window_end) == (
        technician,
        slot.start,
        slot.end,
    )
    assert visit.created_by == owner.user
    job.refresh_from_db()
    assert job.status == "scheduled"
    change = job.status_changes.filter(to_status="scheduled").get()
    assert change.by == owner.user
    assert any("will visit you" in message.body for message in mail.outbox)  # the confirmation
    client.post(f"/my/requests/{job.pk}/book/", {"start": slot.key})  # sent twice
    assert Visit.objects.filter(request=job).count() == 1
    page = client.get(f"/service/my/{job.pk}/").content.decode()
    assert 'id="booked-time"' in page and "Move your visit to another time" in page


def test_a_new_request_is_triaged_by_the_booking(login, owner, owned_unit, technician):
    request = services.request_open(
        by=owner.user,
        customer=owner,
        unit=owned_unit,
        service_type=ServiceType.objects.get(code="repair"),
        channel="web",
        description="It leaks",
        address=owner.addresses.first() or _address(owner),
    )
    assert request.status == "new"
    slot = _next_slot(request)
    visit_book(request=request, start=slot.start, by=owner.user)
    request.refresh_from_db()
    assert request.status == "scheduled"
    assert list(request.status_changes.values_list("to_status", flat=True)) == [
        "new",
        "triaged",
        "scheduled",
    ]


def _address(customer):
    from tests.factories import AddressFactory

    return AddressFactory(customer=customer)


def test_the_last_room_goes_to_the_first_booking(settings, operator, owner, owned_unit, job):
    settings.BOOKING_WINDOWS = ["08:00-10:00"]  # room for one repair and its way
    other = open_request(by=operator, customer=owner, unit=owned_unit)
    slot = _next_slot(job)
    assert slot.start in [s.start for s in slots.slots_for(other).slots]
    visit_book(request=job, start=slot.start, by=operator)
    with pytest.raises(ValidationError) as refused:
        visit_book(request=other, start=slot.start, by=operator)
    assert refused.value.code == TAKEN
    assert "just taken" in refused.value.messages[0]
    assert Visit.objects.filter(window_start=slot.start).count() == 1
    assert slot.start not in [s.start for s in slots.slots_for(other).slots]


def test_the_second_customer_is_told_and_sees_the_times_free_now(
    settings, login, operator, owner, owned_unit, stranger, agent
):
    settings.BOOKING_WINDOWS = ["08:00-10:00"]
    TechnicianFactory(agent=agent)
    mine = open_request(by=operator, customer=owner, unit=owned_unit)
    unit = UnitFactory(owner=stranger, service_agent=agent)
    theirs = open_request(by=operator, customer=stranger, unit=unit)
    slot = _next_slot(theirs)
    assert login(owner.user).post(f"/my/requests/{mine.pk}/book/", {"start": slot.key})
    response = login(stranger.user).post(
        f"/my/requests/{theirs.pk}/book/", {"start": slot.key}, follow=True
    )
    page = response.content.decode()
    assert "That time was just taken; choose another." in page
    assert slot.key not in page  # the list shown is the one free now
    assert 'id="choose-time"' in page
    assert not Visit.objects.filter(request=theirs).exists()


@pytest.mark.django_db(transaction=True)
def test_two_bookings_at_once_on_postgresql(
    settings, service_data, operator, owner, owned_unit, agent
):
    """Two connections book the last room of a window at the same moment: one wins, the other
    waits on the technicians' lock, then finds the window taken."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent connections need PostgreSQL (SQLite is checked sequentially)")
    from django.db import connections

    ServiceType.objects.filter(code="repair").update(self_booking=True)
    settings.BOOKING_WINDOWS = ["08:00-10:00"]
    TechnicianFactory(agent=agent)
    requests = [open_request(by=operator, customer=owner, unit=owned_unit) for _ in range(2)]
    start = _next_slot(requests[0]).start
    barrier = threading.Barrier(2)
    outcomes = []

    def book(request):
        try:
            barrier.wait()
            visit_book(request=request, start=start, by=operator)
            outcomes.append("booked")
        except Exception as error:  # noqa: BLE001 - the refusal is the outcome
            outcomes.append(getattr(error, "code", repr(error)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked", TAKEN]
    assert Visit.objects.filter(window_start=start).count() == 1


def test_moving_a_booking_until_the_cut_off(login, owner, job, technician):
    client = login(owner.user)
    offer = slots.slots_for(job)
    far = [s for s in offer.slots if s.start > timezone.now() + dt.timedelta(days=2)]
    first, later = far[0], far[-1]
    client.post(f"/my/requests/{job.pk}/book/", {"start": first.key})
    old = Visit.objects.get(request=job)
    client.post(f"/my/requests/{job.pk}/book/", {"start": later.key})
    old.refresh_from_db()
    assert old.status == "cancelled"
    new = Visit.objects.get(request=job, status="planned")
    assert new.window_start == later.start
    job.refresh_from_db()
    assert job.status == "scheduled"
    assert job.status_changes.filter(note__contains="moved to another time").exists()


def test_no_move_after_the_cut_off(login, operator, owner, job, technician):
    soon = timezone.now() + dt.timedelta(hours=5)
    services.request_triage(request=job, by=operator)
    visit = services.visit_schedule(
        request=job,
        technician=technician,
        window_start=soon,
        window_end=soon + dt.timedelta(hours=2),
        by=operator,
    )
    client = login(owner.user)
    page = client.get(f"/service/my/{job.pk}/").content.decode()
    assert "It is too late to move this visit online" in page
    assert "booking-slot" not in page
    target = (timezone.now() + dt.timedelta(days=4)).astimezone(TEHRAN)
    target = target.replace(hour=8, minute=0, second=0, microsecond=0)
    response = client.post(
        f"/my/requests/{job.pk}/book/", {"start": target.isoformat()}, follow=True
    )
    assert "It is too late to move this visit online" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == "planned" and visit.window_start == soon
    assert Visit.objects.filter(request=job).count() == 1
    # the desk is not held to the customer's cut-off
    desk = slots.slots_for(job, desk=True)
    assert desk.slots
    visit_book(request=job, start=desk.slots[0].start, by=operator)
    visit.refresh_from_db()
    assert visit.status == "cancelled"


def test_another_customers_request_is_not_found(login, job, stranger, token_client):
    slot = _next_slot(job)
    client = login(stranger.user)
    assert client.post(f"/my/requests/{job.pk}/book/", {"start": slot.key}).status_code == 404
    api = token_client(stranger.user)
    assert api.get(f"/api/v1/booking/requests/{job.pk}/slots").status_code == 404
    response = api.post(
        f"/api/v1/booking/requests/{job.pk}/book",
        {"start": slot.key},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Visit.objects.filter(request=job).exists()


def test_a_bad_start_is_refused(login, owner, job):
    client = login(owner.user)
    response = client.post(f"/my/requests/{job.pk}/book/", {"start": "tomorrow"}, follow=True)
    assert "Choose one of the times offered." in response.content.decode()
    start = (timezone.now() + dt.timedelta(days=3)).astimezone(TEHRAN)
    odd = start.replace(hour=9, minute=17, second=0, microsecond=0)  # not a window
    response = client.post(f"/my/requests/{job.pk}/book/", {"start": odd.isoformat()}, follow=True)
    assert "That time was just taken" in response.content.decode()
    assert not Visit.objects.filter(request=job).exists()


# --- the operator and the API -------------------------------------------------------------------


def test_the_operator_offers_times_on_the_phone(login, operator, job, technician):
    client = login(operator)
    assert 'id="offer-times"' in client.get(f"/service/requests/{job.pk}/").content.decode()
    page = client.get(f"/dispatch/requests/{job.pk}/times/")
    assert page.status_code == 200
    text = page.content.decode()
    slot = _next_slot(job)
    assert slot.key in text and technician.full_name in text
    response = client.post(f"/dispatch/requests/{job.pk}/times/", {"start": slot.key})
    assert response.status_code == 302 and response.url == f"/service/requests/{job.pk}/"
    visit = Visit.objects.get(request=job)
    assert visit.created_by == operator
    assert job.status_changes.get(to_status="scheduled").by == operator


def test_a_technician_has_no_offer_page(make_user, login, job):
    technician_user = make_user(Role.TECHNICIAN, username="fieldtech")
    response = login(technician_user).get(f"/dispatch/requests/{job.pk}/times/")
    assert response.status_code in (403, 404)


def test_the_api_lists_and_books_idempotently(token_client, owner, job, technician):
    api = token_client(owner.user)
    listed = api.get(f"/api/v1/booking/requests/{job.pk}/slots").json()
    assert listed["reason"] == "" and listed["slots"]
    start = listed["slots"][0]["start"]
    headers = {"HTTP_IDEMPOTENCY_KEY": "book-1"}
    first = api.post(
        f"/api/v1/booking/requests/{job.pk}/book",
        {"start": start},
        content_type="application/json",
        **headers,
    )
    assert first.status_code == 201, first.content
    again = api.post(
        f"/api/v1/booking/requests/{job.pk}/book",
        {"start": start},
        content_type="application/json",
        **headers,
    )
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert Visit.objects.filter(request=job).count() == 1


def test_the_api_answers_409_for_a_taken_window(
    settings, token_client, operator, owner, owned_unit, job
):
    settings.BOOKING_WINDOWS = ["08:00-10:00"]
    other = open_request(by=operator, customer=owner, unit=owned_unit)
    slot = _next_slot(job)
    visit_book(request=job, start=slot.start, by=operator)
    response = token_client(owner.user).post(
        f"/api/v1/booking/requests/{other.pk}/book",
        {"start": slot.key},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "just taken" in response.json()["detail"]
