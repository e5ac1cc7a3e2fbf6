"""Finance edits the tariffs; bad input is refused with a message and saves nothing."""

from decimal import Decimal

from aftersales.billing.models import LabourRate, TaxRate
from aftersales.billing.tariffs import labour_rate, tax_percent
from tests.factories import CategoryFactory


def test_finance_adds_a_tax_rate_from_a_day_and_old_days_keep_the_old_rate(iran, finance, login):
    client = login(finance)

    bad = client.post(
        "/billing/tariffs/taxes/new/",
        {"country": "IR", "name": "VAT", "percent": "120", "valid_from": "2026-01-01"},
    )
    assert bad.status_code == 400
    duplicate = client.post(
        "/billing/tariffs/taxes/new/",
        {"country": "IR", "name": "VAT", "percent": "12", "valid_from": "2020-01-01"},
    )
    assert "already has a tax rate from this day" in duplicate.content.decode()
    assert TaxRate.objects.count() == 1

    done = client.post(
        "/billing/tariffs/taxes/new/",
        {"country": "IR", "name": "VAT", "percent": "12", "valid_from": "2026-03-21"},
    )
    assert done.status_code == 302
    import datetime as dt

    assert tax_percent(country="IR", on=dt.date(2026, 3, 20)) == Decimal("10")
    assert tax_percent(country="IR", on=dt.date(2026, 3, 21)) == Decimal("12")
    assert "12" in client.get("/billing/tariffs/taxes/").content.decode()


def test_a_persian_user_types_a_jalali_valid_from(iran, finance, login):
    finance.language = "fa"
    finance.save()
    client = login(finance)
    response = client.post(
        "/billing/tariffs/travel/new/",
        {
            "country": "IR",
            "name": "Far",
            "up_to_km": "200",
            "fee": "2500000",
            "valid_from": "۱۴۰۵/۰۱/۰۱",
        },
    )
    assert response.status_code == 302
    import datetime as dt

    from aftersales.billing.models import TravelZone

    assert TravelZone.objects.get(name="Far").valid_from == dt.date(2026, 3, 21)


def test_the_most_specific_labour_rate_wins(iran, service_data):
    import datetime as dt

    from tests.service.factories import service_type

    ac = CategoryFactory(code="ac")
    repair = service_type("repair")
    LabourRate.objects.create(
        country="IR", category=ac, hourly_rate=2_000_000, valid_from=dt.date(2020, 1, 1)
    )
    LabourRate.objects.create(
        country="IR",
        category=ac,
        region="Tehran",
        hourly_rate=2_400_000,
        valid_from=dt.date(2021, 1, 1),
    )
    day = dt.date(2026, 1, 1)

    assert (
        labour_rate(
            country="IR", service_type=repair, category=ac, region="tehran", on=day
        ).hourly_rate
        == 2_400_000
    )
    assert (
        labour_rate(
            country="IR", service_type=repair, category=ac, region="Fars", on=day
        ).hourly_rate
        == 2_000_000
    )
    assert (
        labour_rate(
            country="IR", service_type=repair, category=None, region="Fars", on=day
        ).hourly_rate
        == 1_500_000
    )


def test_only_finance_and_managers_edit_tariffs(iran, operator, agent_user, login):
    rate = LabourRate.objects.get()
    assert login(operator).get("/billing/tariffs/labour/").status_code == 200
    assert login(operator).get(f"/billing/tariffs/labour/{rate.pk}/").status_code == 404
    assert (
        login(operator)
        .post(
            "/billing/tariffs/labour/new/",
            {"country": "IR", "hourly_rate": "1", "valid_from": "2026-01-01"},
        )
        .status_code
        == 404
    )
    assert login(agent_user).get("/billing/tariffs/labour/").status_code == 200
    assert LabourRate.objects.count() == 1


def test_the_tariff_filters_answer_htmx_with_the_rows_only(iran, finance, login):
    response = login(finance).get(
        "/billing/tariffs/travel/", {"sort": "fee"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "City" in body and "<html" not in body
