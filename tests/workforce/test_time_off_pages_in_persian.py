"""The time off pages render in Persian, right to left, with Jalali dates; the technician's page
shows the time off ahead."""

import datetime as dt

import jdatetime

from aftersales.core.text import persian_digits
from aftersales.workforce import services
from aftersales.workforce.choices import AbsenceKind


def test_the_time_off_pages_render_in_persian(manager, certified, today, login):
    manager.language = "fa"
    manager.save()
    first = today + dt.timedelta(days=3)
    starts_at, ends_at = services.whole_days(first, first + dt.timedelta(days=1))
    absence = services.absence_record(
        technician=certified,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=True,
        kind=AbsenceKind.LEAVE,
        by=manager,
    ).absence
    client = login(manager)
    for url in [
        "/technicians/time-off/",
        "/technicians/time-off/new/",
        absence.get_absolute_url(),
        certified.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'dir="rtl"' in response.content.decode(), url
    jalali = persian_digits(jdatetime.date.fromgregorian(date=first).strftime("%Y/%m/%d"))
    assert jalali in client.get(absence.get_absolute_url()).content.decode()
    assert jalali in client.get(certified.get_absolute_url()).content.decode()
    response = client.get("/technicians/time-off/", {"away_on": jalali})
    assert certified.last_name in response.content.decode()
