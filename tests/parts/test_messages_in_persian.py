"""Numbers the stock pages write into sentences (form labels, shortage and count errors,
messages) come in Persian digits for a Persian user."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def persian_keeper(keeper):
    keeper.language = "fa"
    keeper.save()
    return keeper


def test_the_counter_sale_form_numbers_its_lines_in_persian_digits(persian_keeper, login):
    html = login(persian_keeper).get(reverse("parts:sale_create")).content.decode()
    labels = re.findall(r'<label[^>]*for="id_sku_\d"[^>]*>([^<]*)', html)
    assert len(labels) == 5
    assert "۱" in labels[0] and "۵" in labels[4]
    assert not any(re.search(r"[0-9]", label) for label in labels)


def test_a_shortage_reads_in_persian_digits(persian_keeper, central, part, receive, login):
    receive(central, part, 9)
    response = login(persian_keeper).post(
        reverse("parts:reserve"),
        {"warehouse": central.pk, "part": part.sku, "quantity": "120", "document_number": "V-1"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "۹ عدد در دسترس است و ۱۲۰ عدد درخواست شده است" in html


def test_a_count_below_the_reserved_reads_in_persian_digits(
    persian_keeper, central, part, receive, login
):
    from aftersales.parts import services

    receive(central, part, 9)
    services.stock_reserve(
        warehouse=central, part=part, quantity=7, document_number="V-2", by=persian_keeper
    )
    response = login(persian_keeper).post(
        reverse("parts:count"), {"warehouse": central.pk, "part": part.sku, "counted": "3"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "۳ عدد شمارش شده اما ۷ عدد رزرو شده است" in html
