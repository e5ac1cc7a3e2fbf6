"""The records behind a card show their figures in Persian digits to a Persian manager, and a
claim's approved amount says its currency (rials and euros sit in the same list)."""

import datetime as dt
import re

from django.urls import reverse

QUERY = {"start": "2026-10-01", "end": "2026-10-31"}


def _cells(html: str) -> list[str]:
    body = html[html.index("<tbody") : html.index("</tbody>")]
    body = re.sub(r"<bdi dir=\"ltr\">.*?</bdi>", "", body, flags=re.S)  # numbers, serials
    return [c.strip() for c in re.sub(r"<[^>]+>", "|", body).split("|") if c.strip()]


def test_claims_behind_the_card_in_persian(world, login):
    unit = world.unit()
    world.claim(unit=unit, failure=dt.date(2026, 10, 5), approved=6_000_000)
    world.claim(unit=unit, failure=dt.date(2026, 10, 6), approved=120, currency="EUR")
    world.staff.language = "fa"
    world.staff.save()
    url = reverse("insights:records", args=["claims"])
    html = login(world.staff).get(url, {**QUERY, "kpi": "claims_per_1000_units"}).content.decode()
    cells = _cells(html)
    assert "۶۰۰۰۰۰۰.۰۰" in cells and "۱۲۰.۰۰" in cells
    assert not [c for c in cells if re.search(r"[0-9]", c)], cells
    assert "IRR" in html and "EUR" in html
