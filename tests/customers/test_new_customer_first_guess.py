"""A new customer's form guesses the desk's country: an Italian desk (working in Italian, or an
Italian agent's staff) starts on Italy and Italian, so a codice fiscale is checked as one and not
refused as "not a valid Iranian national code"; a Persian desk starts on Iran."""

import re

from tests.factories import AgentFactory


def _selected(page: str, name: str) -> str:
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
    return re.search(r'<option value="(\w+)" selected>', select).group(1)


def test_an_italian_desk_starts_on_italy(operator, login):
    operator.language = "it"
    operator.save()

    page = login(operator).get("/customers/new/").content.decode()

    assert _selected(page, "country") == "IT"
    assert _selected(page, "preferred_language") == "it"


def test_an_italian_agents_staff_start_on_italy(make_user, login):
    from aftersales.core.choices import Role

    staff = make_user(Role.AGENT, agent=AgentFactory(country="IT"), language="en")

    page = login(staff).get("/customers/new/").content.decode()

    assert _selected(page, "country") == "IT"


def test_a_persian_desk_starts_on_iran(operator, login):
    operator.language = "fa"
    operator.save()

    page = login(operator).get("/customers/new/").content.decode()

    assert _selected(page, "country") == "IR"
    assert _selected(page, "preferred_language") == "fa"
