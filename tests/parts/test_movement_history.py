"""Movement history per warehouse and part, naming documents and who posted them."""

import pytest
from django.core.exceptions import ValidationError

from aftersales.parts import services
from aftersales.parts.models import StockLevel

pytestmark = pytest.mark.django_db


def test_moves_list_filters_by_warehouse_and_kind(central, regional, part, receive, keeper, login):
    receive(central, part, 3, number="DN-CEN")
    receive(regional, part, 2, number="DN-REG")
    client = login(keeper)
    page = client.get("/parts/moves/", {"warehouse": central.pk}).content.decode()
    assert "DN-CEN" in page and "DN-REG" not in page
    page = client.get("/parts/moves/", {"kind": "reserve"}).content.decode()
    assert "DN-CEN" not in page
    page = client.get("/parts/moves/", {"q": "DN-REG"}).content.decode()
    assert "DN-REG" in page and "DN-CEN" not in page


def test_level_page_shows_history_and_plan_changes_in_the_audit(
    central, part, receive, keeper, login
):
    receive(central, part, 3, number="DN-1")
    level = StockLevel.objects.get()
    client = login(keeper)
    response = client.post(
        f"/parts/levels/{level.pk}/plan/",
        {"min_stock": 1, "reorder_point": 2, "max_stock": 8},
    )
    assert response.status_code == 302
    page = client.get(f"/parts/levels/{level.pk}/").content.decode()
    assert "DN-1" in page and "keeper" in page
    assert 'id="audit"' in page and "reorder point" in page


def test_a_bad_plan_is_refused(central, part, receive, keeper, login):
    receive(central, part, 1)
    level = StockLevel.objects.get()
    response = login(keeper).post(
        f"/parts/levels/{level.pk}/plan/", {"min_stock": 5, "reorder_point": 2, "max_stock": 8}
    )
    assert response.status_code == 400
    level.refresh_from_db()
    assert level.reorder_point == 0


def test_warehouse_page_shows_levels_moves_and_fill_rate(central, part, receive, keeper, login):
    receive(central, part, 1)
    services.stock_reserve(warehouse=central, part=part, quantity=1, document_number="V-1", by=None)
    with pytest.raises(ValidationError):  # the shortage is the point: an unserved line
        services.stock_reserve(
            warehouse=central, part=part, quantity=1, document_number="V-2", by=None
        )
    page = login(keeper).get(f"/parts/warehouses/{central.pk}/").content.decode()
    assert "CAP-35" in page and "50% (1 of 2 lines)" in page


def test_agent_gets_404_for_another_agents_warehouse(other_agent_store, agent_user, login):
    assert login(agent_user).get(f"/parts/warehouses/{other_agent_store.pk}/").status_code == 404


def test_moves_list_filters_by_day_also_in_jalali(central, part, receive, keeper, login):
    import datetime as dt

    from django.utils import timezone

    from aftersales.core import calendars

    receive(central, part, 3, number="DN-TODAY")
    today = timezone.localdate()
    client = login(keeper)
    shown = client.get("/parts/moves/", {"since": today.isoformat(), "until": today.isoformat()})
    assert "DN-TODAY" in shown.content.decode()
    later = client.get("/parts/moves/", {"since": (today + dt.timedelta(days=1)).isoformat()})
    assert "DN-TODAY" not in later.content.decode()
    earlier = client.get("/parts/moves/", {"until": (today - dt.timedelta(days=1)).isoformat()})
    assert "DN-TODAY" not in earlier.content.decode()
    keeper.language = "fa"
    keeper.save()
    jalali = calendars.jalali_text(today)
    assert "DN-TODAY" in client.get("/parts/moves/", {"since": jalali}).content.decode()
