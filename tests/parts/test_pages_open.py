"""Every page of the warehouse opens for a keeper, with data in it, and in Persian too."""

import datetime as dt

import pytest

from aftersales.catalog.models import PartPrice
from aftersales.parts import services
from aftersales.parts.models import StockLevel

from ..factories import CustomerFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(central, van, part, receive, keeper):
    receive(central, part, 5)
    transfer = services.stock_transfer(
        source=central, destination=van, part=part, quantity=1, by=keeper
    )
    services.stock_reserve(warehouse=central, part=part, quantity=1, document_number="V-1", by=None)
    services.stock_return(
        warehouse=van, part=part, quantity=1, document_number="V-2", by=keeper, defective=True
    )
    item = services.return_authorize(source=van, part=part, quantity=1, by=keeper)
    services.stock_level_plan(
        warehouse=central, part=part, min_stock=1, reorder_point=5, max_stock=9, by=keeper
    )
    services.reorder_suggest(warehouse=central, by=keeper)
    PartPrice.objects.create(
        part=part,
        price_list="customer",
        currency="IRR",
        amount=1000,
        valid_from=dt.date(2020, 1, 1),
    )
    sale = services.counter_sale_create(
        warehouse=central, customer=CustomerFactory(), lines=[(part, 1)], by=keeper
    )
    unit = UnitFactory()
    part.compatible_models.add(unit.product_model)
    return transfer, item, sale, unit


@pytest.mark.parametrize("language", ["en", "fa"])
def test_every_page_opens(busy, central, keeper, login, language):
    keeper.language = language
    keeper.save()
    transfer, item, sale, unit = busy
    level = StockLevel.objects.get(warehouse=central)
    client = login(keeper)
    for url in (
        "/parts/",
        "/parts/?export=xlsx",
        f"/parts/levels/{level.pk}/",
        "/parts/availability/?sku=CAP-35",
        "/parts/warehouses/",
        f"/parts/warehouses/{central.pk}/",
        f"/parts/warehouses/{central.pk}/edit/",
        "/parts/moves/",
        "/parts/receive/",
        "/parts/count/",
        "/parts/reserve/",
        "/parts/transfers/new/",
        f"/parts/transfers/{transfer.pk}/",
        "/parts/returns/",
        "/parts/returns/new/",
        f"/parts/returns/{item.pk}/",
        "/parts/suggestions/",
        "/parts/fill-rate/",
        "/parts/obligation/",
        "/parts/sales/",
        "/parts/sales/new/",
        f"/parts/sales/{sale.pk}/",
        "/parts/pick-list/",
        f"/parts/pick-list/?warehouse={central.pk}&outstanding=on",
        f"/parts/units/{unit.pk}/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_posting_buttons_show_only_to_roles_that_may_post(keeper, make_user, login):
    from aftersales.core.choices import Role

    buttons = ('href="/parts/receive/"', 'href="/parts/reserve/"', 'href="/parts/count/"')
    finance = login(make_user(Role.FINANCE, username="books"))
    page = finance.get("/parts/").content.decode()
    assert not any(button in page for button in buttons)
    assert finance.get("/parts/receive/").status_code == 404
    page = login(keeper).get("/parts/").content.decode()
    assert all(button in page for button in buttons)
