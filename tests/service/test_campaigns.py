"""A recall for a batch range: one request and one contact line per owner, tracked per call."""

import pytest

from aftersales.core.choices import Role
from aftersales.service.models import Campaign, CampaignContact
from tests.factories import AddressFactory, CustomerFactory, ProductModelFactory, UnitFactory

from .factories import service_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def recall(db):
    model = ProductModelFactory(code="AC9")
    for batch in ("B01", "B05", "B09"):
        owner = CustomerFactory()
        AddressFactory(customer=owner)
        UnitFactory(owner=owner, product_model=model, batch=batch)
    return Campaign.objects.create(
        code="RC-1",
        name="Valve recall",
        product_model=model,
        batch_from="B02",
        batch_to="B09",
        service_type=service_type("repair"),
        description="Replace the expansion valve",
    )


def test_launch_opens_requests_for_the_batch_range(login, make_user, recall, operator):
    quality = login(make_user(Role.QUALITY, username="qe"))
    quality.post(recall.get_absolute_url())
    contacts = CampaignContact.objects.filter(campaign=recall)
    assert sorted(c.unit.batch for c in contacts) == ["B05", "B09"]
    assert all(c.request and c.request.channel == "proactive" for c in contacts)
    quality.post(recall.get_absolute_url())  # again: nobody twice
    assert contacts.count() == 2

    contact = contacts.first()
    desk = login(operator)
    assert contact.unit.serial in desk.get(recall.get_absolute_url()).content.decode()
    desk.post(f"/service/campaigns/contacts/{contact.pk}/", {"status": "contacted", "note": "ok"})
    contact.refresh_from_db()
    assert (contact.status, contact.attempts) == ("contacted", 1)


def test_an_operator_cannot_launch(login, recall, operator):
    assert login(operator).post(recall.get_absolute_url()).status_code == 404
    assert not CampaignContact.objects.exists()
