import datetime as dt

from aftersales.catalog.models import PartPrice
from tests.factories import PartFactory


def test_rial_prices_show_without_decimals_or_as_toman_by_choice(manager, login):
    part = PartFactory()
    PartPrice.objects.create(
        part=part,
        price_list="customer",
        currency="IRR",
        amount=12500000,
        valid_from=dt.date(2026, 1, 1),
    )
    PartPrice.objects.create(
        part=part,
        price_list="customer",
        currency="EUR",
        amount="19.5",
        valid_from=dt.date(2026, 1, 1),
    )
    client = login(manager)
    page = client.get(part.get_absolute_url()).content.decode()
    assert "12,500,000 Rial" in page and "19.50 €" in page
    manager.money_in_toman = True
    manager.save()
    assert "1,250,000 Toman" in client.get(part.get_absolute_url()).content.decode()
