"""A receipt that would take a level beyond what an integer column holds is refused on the
form's quantity, and nothing is posted (PostgreSQL would otherwise fail the write)."""

import pytest
from django.urls import reverse

from aftersales.core.forms import INTEGER_MAX
from aftersales.parts.models import StockLevel, StockMove

pytestmark = pytest.mark.django_db


def test_a_receipt_beyond_the_largest_level_is_refused_on_the_form(
    central, part, receive, keeper, login
):
    receive(central, part, INTEGER_MAX)
    response = login(keeper).post(
        reverse("parts:receive"),
        {"warehouse": central.pk, "part": part.sku, "quantity": "1", "document_number": "DN-2"},
    )
    assert response.status_code == 400
    assert "do not fit in the stock records" in response.content.decode()
    assert StockMove.objects.count() == 1
    assert StockLevel.objects.get(warehouse=central, part=part).on_hand == INTEGER_MAX
