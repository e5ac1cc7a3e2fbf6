"""Exchange rates: managers and finance keep them, quality reads them, nobody else sees them;
the form reads rates typed the reader's way and refuses the rest; every change is audited."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from aftersales.core.choices import Role
from aftersales.insights.models import ExchangeRate

NEW = "/insights/rates/new/"
LIST = "/insights/rates/"


@pytest.fixture
def rate(db):
    return ExchangeRate.objects.create(
        currency="IRR", valid_from=dt.date(2026, 3, 1), rate=Decimal("0.000000952381")
    )


def test_finance_adds_a_rate_and_it_is_audited(make_user, login):
    finance = make_user(Role.FINANCE)
    client = login(finance)

    response = client.post(
        NEW, {"currency": "IRR", "valid_from": "2026-04-01", "rate": "0.000000909091"}
    )

    assert response.status_code == 302
    saved = ExchangeRate.objects.get()
    assert (saved.currency, saved.valid_from) == ("IRR", dt.date(2026, 4, 1))
    assert saved.rate == Decimal("0.000000909091")
    entry = LogEntry.objects.get_for_object(saved).get()
    assert entry.action == LogEntry.Action.CREATE and entry.actor == finance


def test_the_list_shows_the_rate_as_it_is_quoted_and_exports(rate, manager, login):
    client = login(manager)
    page = client.get(LIST).content.decode()
    assert "Exchange rates to EUR" in page
    assert "1 EUR = 1,050,000" in page and NEW in page
    assert client.get(LIST, {"currency": "EUR"}).content.decode().count("1 EUR =") == 0
    export = client.get(LIST, {"export": "csv"})
    assert export.status_code == 200 and b"0.000000952381" in b"".join(export.streaming_content)


def test_a_manager_changes_a_rate(rate, manager, login):
    client = login(manager)
    url = f"/insights/rates/{rate.pk}/"
    assert "0.000000952381" in client.get(url).content.decode()
    response = client.post(
        url, {"currency": "IRR", "valid_from": "2026-03-01", "rate": "0.00000095"}
    )
    assert response.status_code == 302
    rate.refresh_from_db()
    assert rate.rate == Decimal("0.00000095")
    assert LogEntry.objects.get_for_object(rate).filter(action=LogEntry.Action.UPDATE).exists()


def test_quality_reads_the_rates_but_may_not_change_them(rate, make_user, login):
    client = login(make_user(Role.QUALITY))
    page = client.get(LIST)
    assert page.status_code == 200 and NEW not in page.content.decode()
    assert client.get(NEW).status_code == 404
    assert client.get(f"/insights/rates/{rate.pk}/").status_code == 404


@pytest.mark.parametrize("who", ["agent_user", "owner", "operator"])
def test_agents_customers_and_others_get_page_not_found(rate, who, request, login):
    user = request.getfixturevalue(who)
    client = login(getattr(user, "user", user))  # the owner is a customer with a login
    for url in (LIST, NEW, f"/insights/rates/{rate.pk}/", "/insights/revenue/"):
        assert client.get(url).status_code == 404, url
    assert client.get("/api/v1/insights/rates").status_code == 404
    posted = client.post(
        "/api/v1/insights/rates",
        {"currency": "IRR", "valid_from": "2026-05-01", "rate": "0.0000009"},
        content_type="application/json",
    )
    assert posted.status_code == 404
    assert ExchangeRate.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "Enter a rate above zero."),
        ("-0.000001", "Enter a rate above zero."),
        ("abc", "Enter the rate as a number."),
        ("", "Enter the rate."),
    ],
)
def test_the_form_refuses_a_rate_that_is_not_above_zero(manager, login, typed, message):
    client = login(manager)
    response = client.post(NEW, {"currency": "IRR", "valid_from": "2026-04-01", "rate": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ExchangeRate.objects.exists()


def test_one_rate_per_currency_and_day_and_none_for_the_reporting_currency(rate, manager, login):
    client = login(manager)
    twice = client.post(NEW, {"currency": "IRR", "valid_from": "2026-03-01", "rate": "0.000001"})
    assert "This currency already has a rate from that day." in twice.content.decode()
    euro = client.post(NEW, {"currency": "EUR", "valid_from": "2026-03-01", "rate": "1"})
    assert euro.status_code == 400  # not a choice: the reporting currency's rate is always 1
    assert ExchangeRate.objects.count() == 1


def test_an_italian_types_a_decimal_comma(manager, login):
    manager.language = "it"
    manager.save()
    client = login(manager)
    response = client.post(
        NEW, {"currency": "IRR", "valid_from": "2026-04-01", "rate": "0,000000909091"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ExchangeRate.objects.get().rate == Decimal("0.000000909091")


def test_a_persian_reader_types_persian_digits_and_a_jalali_day(make_user, login):
    settings_user = make_user(Role.FINANCE)
    settings_user.language = "fa"
    settings_user.save()
    client = login(settings_user)
    # ۱۴۰۵/۰۱/۱۲ is 1 April 2026; ۰٫۰۰۰۰۰۰۹۰۹۰۹۱ is 0.000000909091
    response = client.post(
        NEW, {"currency": "IRR", "valid_from": "۱۴۰۵/۰۱/۱۲", "rate": "۰٫۰۰۰۰۰۰۹۰۹۰۹۱"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = ExchangeRate.objects.get()
    assert (saved.valid_from, saved.rate) == (dt.date(2026, 4, 1), Decimal("0.000000909091"))


def test_the_api_lists_and_adds_rates(rate, make_user, login):
    client = login(make_user(Role.FINANCE))
    listed = client.get("/api/v1/insights/rates").json()
    assert listed == [
        {
            "id": rate.pk,
            "currency": "IRR",
            "valid_from": "2026-03-01",
            "rate": listed[0]["rate"],
            "note": "",
            "reporting_currency": "EUR",
        }
    ]
    assert Decimal(listed[0]["rate"]) == rate.rate
    created = client.post(
        "/api/v1/insights/rates",
        {"currency": "IRR", "valid_from": "2026-04-01", "rate": "0.000000909091"},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["valid_from"] == "2026-04-01"
    refused = client.post(
        "/api/v1/insights/rates",
        {"currency": "IRR", "valid_from": "2026-04-01", "rate": "-1"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    quality = login(make_user(Role.QUALITY, username="q"))
    assert quality.get("/api/v1/insights/rates").status_code == 200
    assert (
        quality.post(
            "/api/v1/insights/rates",
            {"currency": "IRR", "valid_from": "2026-06-01", "rate": "0.0000008"},
            content_type="application/json",
        ).status_code
        == 403
    )
