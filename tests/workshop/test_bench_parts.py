"""Bench work is a visit at the workshop: its parts come from the workshop's own warehouse (the
stock ledger records the issue), and the customer is not told that a technician will visit."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from aftersales.parts.models import StockLevel, Warehouse
from aftersales.parts.services import stock_receive
from aftersales.workshop import services
from tests.factories import PartFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stocked(centre, manager):
    warehouse = Warehouse.objects.create(code="WH-WS", name="Centre stock", kind="regional")
    centre.warehouse = warehouse
    centre.save()
    part = PartFactory(sku="CAP-35UF")
    stock_receive(warehouse=warehouse, part=part, quantity=3, document_number="PO-1", by=manager)
    return part


def test_a_bench_part_is_issued_from_the_workshops_stock(received, technician, operator, stocked):
    with pytest.raises(ValidationError):  # not on the bench yet
        services.bench_add_part(job=received, part=stocked, quantity=1, by=operator)
    visit = services.job_start_bench(job=received, technician=technician, by=operator)
    used = services.bench_add_part(job=received, part=stocked, quantity=2, by=technician.user)
    assert used.visit == visit and used.move is not None
    assert StockLevel.objects.get(part=stocked).on_hand == 1
    with pytest.raises(ValidationError):  # only one left
        services.bench_add_part(job=received, part=stocked, quantity=2, by=operator)


def test_the_job_page_offers_the_workshops_stock(login, operator, received, technician, stocked):
    client = login(operator)
    url = received.get_absolute_url()
    assert 'id="bench-part"' not in client.get(url).content.decode()
    services.job_start_bench(job=received, technician=technician, by=operator)
    assert 'id="bench-part"' in client.get(url).content.decode()
    response = client.post(f"{url}part/", {"part": stocked.pk, "quantity": 1})
    assert response.status_code == 302
    assert StockLevel.objects.get(part=stocked).on_hand == 2


def test_no_visit_is_announced_for_bench_work(
    received, technician, operator, owner, django_capture_on_commit_callbacks
):
    owner.email = "sara@example.com"
    owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.job_start_bench(job=received, technician=technician, by=operator)
    assert not any("will visit you" in message.body for message in mail.outbox)
