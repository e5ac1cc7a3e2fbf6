"""Time off tells people, after commit, through the notification back-ends (e-mail, the console
SMS): a request reaches those who decide it for that technician; the technician hears the
approval, the refusal and the cancellation of approved time off, in their language and time
zone."""

import datetime as dt
import logging
import zoneinfo

import jdatetime
import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from aftersales.core.calendars import show_date
from aftersales.core.choices import Role
from aftersales.core.text import persian_digits
from aftersales.workforce import services
from aftersales.workforce.choices import AbsenceKind, AbsenceStatus
from tests.service.factories import technician_with_login

pytestmark = pytest.mark.django_db

BACKENDS = ["aftersales.core.notify.EmailBackend", "aftersales.core.notify.ConsoleSmsBackend"]


@pytest.fixture
def backends(settings):
    settings.NOTIFICATION_BACKENDS = BACKENDS


@pytest.fixture
def reza(db):
    """A Persian-speaking technician of the maker, with a work phone."""
    technician = technician_with_login(username="reza")
    technician.first_name, technician.last_name = "Reza", "Karimi"
    technician.phone = "+989121234567"
    technician.save()
    technician.user.language = "fa"
    technician.user.email = "reza@example.com"
    technician.user.save()
    return technician


@pytest.fixture
def first(today):
    return today + dt.timedelta(days=5)


def _jalali(day) -> str:
    return persian_digits(jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d"))


def _ask(technician, first, last=None, *, by=None):
    starts_at, ends_at = services.whole_days(first, last or first)
    return services.absence_request(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=True,
        kind=AbsenceKind.LEAVE,
        note="My sister's wedding",
        by=by or technician.user,
    )


def _sent_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_a_request_reaches_the_makers_deciders_after_commit(
    reza, first, dispatcher, manager, make_user, django_capture_on_commit_callbacks
):
    make_user(Role.OPERATOR, username="operator1")  # decides nothing: not told
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        asked = _ask(reza, first, first + dt.timedelta(days=2))
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "dispatcher@example.com",
        "manager@example.com",
    ]
    message = _sent_to("dispatcher@example.com")[0]
    assert message.subject.startswith("Time off to decide: Reza Karimi, Leave")
    assert "waits for your decision" in message.body
    assert "My sister's wedding" in message.body
    assert asked.get_absolute_url() in message.body


def test_a_request_is_told_in_the_deciders_language(
    reza, first, dispatcher, django_capture_on_commit_callbacks
):
    dispatcher.language = "it"
    dispatcher.save()
    with django_capture_on_commit_callbacks(execute=True):
        _ask(reza, first)
    message = _sent_to("dispatcher@example.com")[0]
    with translation.override("it"):
        expected = gettext("Time off to decide: %(technician)s, %(kind)s, %(period)s") % {
            "technician": "Reza Karimi",
            "kind": gettext("Leave"),
            "period": first.strftime("%d/%m/%Y"),  # the Italian date, not the Jalali one
        }
    assert message.subject == expected


def test_an_agents_technician_request_reaches_that_agents_staff_only(
    agent, other_agent, make_user, dispatcher, first, django_capture_on_commit_callbacks
):
    ours = technician_with_login(agent=agent, username="ours")
    make_user(Role.AGENT, username="ourstaff", agent=agent)
    make_user(Role.AGENT, username="theirstaff", agent=other_agent)
    with django_capture_on_commit_callbacks(execute=True):
        _ask(ours, first)
    assert [message.to for message in mail.outbox] == [["ourstaff@example.com"]]
    # an agent with no one who decides: the maker's dispatchers are told
    mail.outbox.clear()
    lonely = technician_with_login(agent=other_agent, username="lonely")
    other_agent.staff.filter(role=Role.AGENT).update(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        _ask(lonely, first)
    assert [message.to for message in mail.outbox] == [["dispatcher@example.com"]]


def test_a_request_decided_before_its_message_leaves_says_nothing(
    reza, first, dispatcher, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        asked = _ask(reza, first)
    services.absence_decide(absence=asked, approve=True, by=dispatcher)
    mail.outbox.clear()
    for callback in callbacks:
        callback()
    assert mail.outbox == []


def test_a_refusal_reaches_the_technician_in_persian_by_mail_and_sms(
    reza, first, dispatcher, login, backends, caplog, django_capture_on_commit_callbacks
):
    asked = _ask(reza, first, first + dt.timedelta(days=1))
    mail.outbox.clear()
    caplog.set_level(logging.INFO, logger="aftersales.core.notify")
    with django_capture_on_commit_callbacks(execute=True):
        response = login(dispatcher).post(
            f"/technicians/time-off/{asked.pk}/refuse/", {"reason": "Busy season."}
        )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == AbsenceStatus.REFUSED
    [message] = _sent_to("reza@example.com")
    period = f"{_jalali(first)} – {_jalali(first + dt.timedelta(days=1))}"
    with translation.override("fa"):  # written in Persian: her language, not the dispatcher's
        expected = gettext("Your time off is refused: %(kind)s, %(period)s") % {
            "kind": "مرخصی",
            "period": period,
        }
    assert message.subject == expected
    assert "Busy season." in message.body and period in message.body
    assert "00:00" not in message.body and "۰۰:۰۰" not in message.body  # whole days: no times
    sms = [record.getMessage() for record in caplog.records if "SMS to" in record.getMessage()]
    assert sms == [f"SMS to +989121234567: {message.body}"]


def test_an_approval_tells_the_times_in_the_technicians_time_zone(
    reza, first, dispatcher, django_capture_on_commit_callbacks
):
    reza.user.language = "en"
    reza.user.time_zone = "Europe/Rome"
    reza.user.save()
    tehran = timezone.get_default_timezone()  # Asia/Tehran in the tests
    starts_at = dt.datetime.combine(first, dt.time(10, 0), tzinfo=tehran)
    asked = services.absence_request(
        technician=reza,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=4),
        all_day=False,
        kind=AbsenceKind.TRAINING,
        by=reza.user,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.absence_decide(absence=asked, approve=True, by=dispatcher)
    [message] = _sent_to("reza@example.com")
    assert message.subject.startswith("Your time off is approved: Training")
    with timezone.override(zoneinfo.ZoneInfo("Europe/Rome")):
        rome = show_date(starts_at, with_time=True)  # 10:00 in Tehran is 7:30 in Rome (winter)
    assert rome in message.body
    assert "10:00" not in message.body and "10 a.m." not in message.body


def test_approved_time_off_cancelled_by_staff_is_told_the_technician(
    reza, first, dispatcher, django_capture_on_commit_callbacks
):
    starts_at, ends_at = services.whole_days(first, first)
    with django_capture_on_commit_callbacks(execute=True):
        recorded = services.absence_record(
            technician=reza,
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=True,
            kind=AbsenceKind.LEAVE,
            by=dispatcher,
        ).absence
    # entered approved for them: the technician hears it
    assert len(_sent_to("reza@example.com")) == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.absence_cancel(absence=recorded, reason="We need you that day.", by=dispatcher)
    [message] = _sent_to("reza@example.com")
    with translation.override("fa"):
        expected = gettext("Your time off is cancelled: %(kind)s, %(period)s") % {
            "kind": "مرخصی",
            "period": _jalali(first),
        }
    assert message.subject == expected
    assert "We need you that day." in message.body


def test_a_technician_withdrawing_their_own_is_not_told(
    reza, first, dispatcher, django_capture_on_commit_callbacks
):
    asked = _ask(reza, first)
    services.absence_decide(absence=asked, approve=True, by=dispatcher)
    withdrawn = _ask(reza, first + dt.timedelta(days=3))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.absence_cancel(absence=asked, by=reza.user)
        services.absence_cancel(absence=withdrawn, by=dispatcher)  # a request, not approved
    assert _sent_to("reza@example.com") == []
