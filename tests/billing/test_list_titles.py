"""The browser tab of a list names it as a title ("Preventivi", "Aliquote IVA"), not as the
records' lower-case plural ("preventivi")."""

import re

import pytest


@pytest.mark.parametrize("url", ["/billing/quotes/", "/billing/tariffs/taxes/", "/customers/"])
def test_the_tab_title_starts_with_a_capital(url, finance, operator, login):
    user = operator if url == "/customers/" else finance
    user.language = "it"
    user.save()

    page = login(user).get(url).content.decode()

    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()
    assert title[0].isupper(), title
