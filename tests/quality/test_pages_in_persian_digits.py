"""A Persian quality engineer reads the early warnings' figures in Persian digits, the charts
say what their axes measure, and the Pareto's two filters have two different labels."""

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from aftersales.quality.choices import GroupKind
from aftersales.quality.models import EarlyWarning

from .conftest import make_claims, make_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def warning(ac_model):
    return EarlyWarning.objects.create(
        product_model=ac_model,
        group_kind=GroupKind.BATCH,
        group="B7",
        window_months=12,
        claims=15,
        unit_months=Decimal("192.0"),
        expected=Decimal("2.53"),
        rate_ratio=Decimal("5.93"),
        p_value=2.01e-07,
        adjusted_p=1.1e-04,
        detected_at=timezone.now(),
    )


@pytest.fixture
def persian(quality):
    quality.language = "fa"
    quality.save()
    return quality


def _text(html: str, *names: str) -> str:
    """The page's text a reader reads as numbers: no scripts, menus, codes or names."""
    main = html[html.index("<main") :]
    if 'id="audit"' in main:
        main = main[: main.rindex("<", 0, main.index('id="audit"'))]
    main = re.sub(r"<(script|style|select)\b.*?</\1>", "", main, flags=re.S)
    main = re.sub(r"<bdi dir=\"ltr\">.*?</bdi>", "", main, flags=re.S)  # codes, batches
    text = re.sub(r"<[^>]+>", " ", main)
    for name in names:
        text = text.replace(name, "")
    return text


def test_a_warning_and_the_list_in_persian_digits(login, persian, warning, ac_model):
    client = login(persian)
    names = (str(ac_model), ac_model.code)
    detail = _text(client.get(warning.get_absolute_url()).content.decode(), *names)
    assert "۲.۰۱e-۰۷" in detail and "۱.۱۰e-۰۴" in detail
    assert not re.findall(r"[0-9]", detail), re.findall(r".{0,30}[0-9].{0,10}", detail)
    listing = _text(client.get("/quality/warnings/").content.decode(), *names)
    assert "۱۵" in listing and "۵.۹۳×" in listing
    assert not re.findall(r"[0-9]", listing), re.findall(r".{0,30}[0-9].{0,10}", listing)


def _chart(html: str, chart_id: str) -> dict:
    found = re.search(rf'<script id="{chart_id}" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


@pytest.fixture
def fleet(ac_model, compressor, fan_part):
    units = make_units(ac_model, count=200, produced=dt.date(2025, 1, 10))
    pairs = [
        (u, dt.date(2025, 1, 25) + dt.timedelta(days=17 * i)) for i, u in enumerate(units[:30])
    ]
    make_claims(pairs, codes=[compressor], part=fan_part)
    return units


def test_the_charts_name_their_axes_in_the_readers_digits(login, persian, fleet, ac_model):
    client = login(persian)
    pareto = _chart(
        client.get("/quality/", {"product_model": ac_model.pk}).content.decode(), "chart-codes"
    )
    assert pareto["y_title"] and pareto["percent_axis"]
    matrix = _chart(
        client.get("/quality/matrix/", {"product_model": ac_model.pk}).content.decode(),
        "chart-curve",
    )
    assert matrix["x_title"] and matrix["y_title"]
    assert matrix["data"]["labels"][:3] == ["۱", "۲", "۳"]
    page = client.get("/quality/reliability/", {"product_model": ac_model.pk}).content.decode()
    life, forecast = _chart(page, "chart-life"), _chart(page, "chart-forecast")
    assert life["x_title"] and life["y_title"] and forecast["y_title"]
    assert not any(re.search(r"[0-9]", label) for label in life["data"]["labels"])


def test_the_pareto_filters_have_their_own_labels(login, quality, fleet):
    html = login(quality).get("/quality/").content.decode()
    labels = re.findall(r'<label[^>]*for="id_(start|source)"[^>]*>([^<]*)<', html)
    assert dict(labels) == {"start": "Failures from", "source": "Source"}


def test_the_pareto_count_is_not_the_stock_count(login, persian, fleet, ac_model):
    """'Count' of the warehouse (a stock take) and of the Pareto (how many) are two words."""
    from django.utils import translation

    html = login(persian).get("/quality/", {"product_model": ac_model.pk}).content.decode()
    with translation.override("fa"):
        stock_take = translation.gettext("Count")
    assert stock_take not in html[html.index("<main") :]


def test_a_production_month_reads_in_the_readers_calendar(login, persian, warning):
    warning.group_kind, warning.group = GroupKind.MONTH, "2022-05"
    warning.save()
    page = login(persian).get(warning.get_absolute_url()).content.decode()
    shown = page.split('id="audit"')[0]  # the history of changes keeps the value as stored
    assert "۱۴۰۱/۰۲" in shown and "2022-05" not in shown  # 15 May 2022: 25 Ordibehesht 1401
    assert "۱۴۰۱/۰۲" in login(persian).get("/quality/warnings/").content.decode()
