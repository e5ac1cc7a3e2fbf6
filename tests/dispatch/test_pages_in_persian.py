"""The dispatch pages open in Persian (RTL, Jalali dates, Persian digits)."""

from aftersales.dispatch import services


def test_dispatch_pages_open_in_persian(
    dispatcher, login, make_technician, make_request, cooling, day
):
    make_technician("Ali", categories=[cooling])
    make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    row = plan.assignments.get()
    client = login(dispatcher)
    client.cookies["django_language"] = "fa"
    for url in (
        "/dispatch/",
        "/dispatch/new/",
        f"/dispatch/{plan.pk}/",
        f"/dispatch/{plan.pk}/assignments/",
        f"/dispatch/assignments/{row.pk}/move/",
    ):
        response = client.get(url, headers={"accept-language": "fa"})
        assert response.status_code == 200, url
        assert 'dir="rtl"' in response.content.decode(), url
    board = client.get(f"/dispatch/{plan.pk}/", headers={"accept-language": "fa"}).content.decode()
    assert "۱۴۰۵" in board  # the plan's day as a Jalali year, in Persian digits
