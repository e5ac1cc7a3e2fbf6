"""The plans and assignments lists in Persian: numbers in Persian digits, yes/no in words."""

from aftersales.dispatch import services


def test_the_lists_show_numbers_and_yes_no_in_persian(
    dispatcher, login, make_technician, make_request, cooling, day
):
    make_technician("Ali", categories=[cooling])
    make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    dispatcher.language = "fa"
    dispatcher.save()
    client = login(dispatcher)
    plans = client.get("/dispatch/").content.decode()
    assert "<bdi>1</bdi>" not in plans  # the plan's days
    assert "۱" in plans
    rows = client.get(f"/dispatch/{plan.pk}/assignments/").content.decode()
    assert "False" not in rows and "True" not in rows
    assert "خیر" in rows  # not pinned
