"""The technician's van page: own van only, fitting a reserved part, bringing parts back."""

import pytest

from aftersales.parts import services
from aftersales.parts.models import StockLevel

pytestmark = pytest.mark.django_db


def test_technician_sees_own_van_and_fits_a_reserved_part(van, part, receive, tech_user, login):
    receive(van, part, 2)
    reservation = services.stock_reserve(
        warehouse=van, part=part, quantity=1, document_number="V-77", by=None
    )
    client = login(tech_user)
    page = client.get("/parts/van/").content.decode()
    assert "V-77" in page and "CAP-35" in page and 'name="viewport"' in page
    response = client.post(f"/parts/reservations/{reservation.pk}/issue/", {"next": "/parts/van/"})
    assert response.status_code == 302
    level = StockLevel.objects.get(warehouse=van, part=part)
    assert (level.on_hand, level.reserved) == (1, 0)


def test_technician_brings_back_a_defective_part(van, part, tech_user, login):
    response = login(tech_user).post(
        "/parts/van/",
        {"part": "CAP-35", "quantity": 1, "document_number": "V-1", "defective": "on"},
    )
    assert response.status_code == 302
    assert StockLevel.objects.get(warehouse=van, part=part).defective == 1


def test_a_user_without_a_van_gets_404(keeper, login):
    assert login(keeper).get("/parts/van/").status_code == 404


def test_a_technician_cannot_open_another_van_or_its_reservations(
    van, agent_van, part, receive, agent_tech_user, login
):
    receive(van, part, 1)
    reservation = services.stock_reserve(
        warehouse=van, part=part, quantity=1, document_number="V-1", by=None
    )
    client = login(agent_tech_user)
    assert client.get(f"/parts/warehouses/{van.pk}/").status_code == 404
    assert client.post(f"/parts/reservations/{reservation.pk}/issue/").status_code == 404


def test_a_persian_keyboard_names_the_same_part_and_visit(van, tech_user, login):
    """SKU and visit number typed with Persian digits are read with Latin digits, so the ledger
    names one visit (and finds one part) whatever the keyboard."""
    from aftersales.parts.models import StockMove

    from ..factories import PartFactory

    PartFactory(sku="AC-CMP-09I")
    response = login(tech_user).post(
        "/parts/van/",
        {"part": "ac-cmp-۰۹i", "quantity": "۲", "document_number": "V-۱۲۳", "defective": "on"},
    )
    assert response.status_code == 302
    move = StockMove.objects.get()
    assert (move.part.sku, move.quantity, move.document_number) == ("AC-CMP-09I", 2, "V-123")


def test_the_fitted_button_returns_to_the_van_but_never_to_another_site(
    van, part, receive, tech_user, login
):
    receive(van, part, 2)
    client = login(tech_user)
    for target, expected in (("/parts/van/", "/parts/van/"), ("https://evil.example/", None)):
        reservation = services.stock_reserve(
            warehouse=van, part=part, quantity=1, document_number="V-78", by=None
        )
        response = client.post(f"/parts/reservations/{reservation.pk}/issue/", {"next": target})
        level = StockLevel.objects.get(warehouse=van, part=part)
        assert response["Location"] == (expected or level.get_absolute_url())
