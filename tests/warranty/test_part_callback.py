"""Calling a faulty part back from a claim line: a return authorization of the parts app,
linked to the line; adjudication reads the return's real status; the inspection is shown."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.parts import services as parts
from aftersales.parts.choices import WarehouseKind
from aftersales.parts.models import DefectiveReturn, Warehouse
from aftersales.warranty import adjudication, services
from aftersales.warranty.models import Claim
from tests.factories import PartFactory, UnitFactory


@pytest.fixture
def stores(db, agent):
    central = Warehouse.objects.create(code="CEN", name="Central", kind=WarehouseKind.CENTRAL)
    store = Warehouse.objects.create(
        code="AG-N-1", name="North store", kind=WarehouseKind.AGENT, agent=agent
    )
    return central, store


@pytest.fixture
def quality(make_user):
    return make_user(Role.QUALITY, username="qa")


@pytest.fixture
def claim(ac_model, ac_policy, italian_owner, agent, compatible_part, stores):
    unit = UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=dt.date.today() - dt.timedelta(days=50),
    )
    # the agent took the faulty motor off the unit and keeps it apart as defective
    parts.stock_return(
        warehouse=stores[1],
        part=compatible_part,
        quantity=1,
        document_number="JOB-1",
        by=None,
        defective=True,
    )
    return services.claim_submit(
        unit=unit,
        by=None,
        agent=agent,
        failure_date=dt.date.today(),
        meter=Decimal(100),
        labour_amount=Decimal(200),
        parts=[{"part": compatible_part, "amount": Decimal(1000), "faulty_serial": "FM-1"}],
    )


def _call_back(client, claim, store):
    line = claim.parts.get()
    return client.post(
        f"/warranty/claims/{claim.pk}/parts/{line.pk}/return/",
        {f"rma{line.pk}-source": store.pk, f"rma{line.pk}-quantity": "1"},
    )


def test_quality_calls_the_part_back_from_the_claim(login, quality, claim, stores):
    client = login(quality)
    response = _call_back(client, claim, stores[1])
    assert response.status_code == 302
    line = claim.parts.get()
    item = line.defective_return
    assert isinstance(item, DefectiveReturn)
    assert (item.claim_number, item.source, item.destination) == (
        claim.number,
        stores[1],
        stores[0],
    )
    assert line.return_required and line.return_due
    page = client.get(f"/warranty/claims/{claim.pk}/").content.decode()
    assert item.number in page
    assert _call_back(client, claim, stores[1]).status_code == 400  # once only


def test_without_defective_stock_the_error_is_on_the_form(login, quality, claim, stores):
    other = PartFactory(sku="OTHER-9")
    line = claim.parts.get()
    line.part = other
    line.save()
    response = _call_back(login(quality), claim, stores[1])
    assert response.status_code == 400
    assert not DefectiveReturn.objects.exists()


def test_agents_may_not_call_parts_back(login, agent_user, claim, stores):
    assert _call_back(login(agent_user), claim, stores[1]).status_code == 404


def test_a_received_return_counts_as_returned_a_missing_one_does_not(quality, claim, stores):
    line = services.claim_part_return_authorize(
        line=claim.parts.get(), source=stores[1], by=quality
    )
    after_due = line.return_due + dt.timedelta(days=1)
    adjudication.adjudicate_many(Claim.objects.filter(pk=claim.pk), today=after_due)
    claim.refresh_from_db()
    assert claim.status == "partly"
    texts = [adjudication.reason_text(r) for r in claim.reasons]
    assert any("FAN-1 was not returned" in text for text in texts)  # the SKU, not the id

    item = parts.return_ship(item=line.defective_return, by=quality)
    parts.return_receive(item=item, by=quality)
    adjudication.adjudicate_many(Claim.objects.filter(pk=claim.pk), today=after_due)
    claim.refresh_from_db()
    assert claim.status == "approved"


def test_a_return_received_after_its_due_day_is_late(quality, claim, stores):
    line = services.claim_part_return_authorize(
        line=claim.parts.get(), source=stores[1], by=quality
    )
    item = parts.return_receive(
        item=parts.return_ship(item=line.defective_return, by=quality), by=quality
    )
    late = line.return_due + dt.timedelta(days=3)
    DefectiveReturn.objects.filter(pk=item.pk).update(
        received_at=timezone.make_aware(dt.datetime.combine(late, dt.time(12)))
    )
    adjudication.adjudicate_many(Claim.objects.filter(pk=claim.pk), today=late)
    claim.refresh_from_db()
    assert claim.status == "partly"


def test_the_inspection_result_is_shown_and_no_fault_goes_to_review(login, quality, claim, stores):
    line = services.claim_part_return_authorize(
        line=claim.parts.get(), source=stores[1], by=quality
    )
    item = parts.return_receive(
        item=parts.return_ship(item=line.defective_return, by=quality), by=quality
    )
    parts.return_inspect(item=item, result="no_fault", by=quality)
    adjudication.adjudicate_many(Claim.objects.filter(pk=claim.pk))
    claim.refresh_from_db()
    assert claim.status == "review"
    client = login(quality)
    page = client.get(f"/warranty/claims/{claim.pk}/").content.decode()
    assert "No fault found" in page
    returns = client.get("/warranty/claims/returns/").content.decode()
    assert item.number in returns and "No fault found" in returns and claim.number in returns


def test_incompatible_part_message_names_the_sku(ac_model, ac_policy, italian_owner):
    unit = UnitFactory(
        product_model=ac_model, owner=italian_owner, sale_date=dt.date.today() - dt.timedelta(9)
    )
    stranger = PartFactory(sku="ODD-7")
    claim = services.claim_submit(
        unit=unit,
        by=None,
        failure_date=dt.date.today(),
        meter=Decimal(10),
        parts=[{"part": stranger, "amount": Decimal(100)}],
        labour_amount=Decimal(100),
    )
    texts = [adjudication.reason_text(r) for r in claim.reasons]
    assert "Part ODD-7 does not fit this model." in texts
