"""The board in Italian: its figures with a decimal comma, and the day beside each technician
only when the plan has several days."""

import re

from aftersales.dispatch import services


def test_a_one_day_board_in_italian(dispatcher, login, make_technician, make_request, cooling, day):
    ali = make_technician("Ali", categories=[cooling])
    make_request(cooling, day=day)
    make_request(cooling, lat=35.78, lon=51.47, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    dispatcher.language = "it"
    dispatcher.save()
    page = login(dispatcher).get(f"/dispatch/{plan.pk}/").content.decode()
    assert 'lang="it"' in page
    km = re.search(r'id="km">([^<]*)<', page).group(1)
    assert re.fullmatch(r"\d+,\d", km), km  # "12,3", not "12.3"
    assert re.search(r'id="utilization">\d+,\d%<', page)
    assert not re.search(r"\d+\.\d+ km<", page)  # the visits' travel
    lane = re.search(rf'id="lane-{ali.pk}-[0-9]+">(.*?)<br>', page, re.S).group(1)
    assert day.strftime("%d/%m/%Y") not in lane  # one day: the technician's name is enough

    plan2 = services.plan_create(by=dispatcher, first_day=day, days=3, seconds=1)  # 2 working days
    page = login(dispatcher).get(f"/dispatch/{plan2.pk}/").content.decode()
    lane = re.search(rf'id="lane-{ali.pk}-[0-9]+">(.*?)<br>', page, re.S).group(1)
    assert day.strftime("%d/%m/%Y") in lane
