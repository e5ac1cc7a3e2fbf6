"""A defective part goes back under a return authorization number: shipped, received,
inspected (confirmed defect / no fault found / misuse), and quality sees it."""

import pytest
from django.core.exceptions import ValidationError

from aftersales.core.choices import Role
from aftersales.parts import services
from aftersales.parts.choices import InspectionResult, MoveKind, ReturnStatus
from aftersales.parts.models import DefectiveReturn, StockLevel, StockMove

from .helpers import assert_ledger_matches_levels

pytestmark = pytest.mark.django_db


@pytest.fixture
def faulty(van, central, part, keeper):
    services.stock_return(
        warehouse=van, part=part, quantity=1, document_number="V-1", by=keeper, defective=True
    )


def defective(warehouse, part):
    return StockLevel.objects.get(warehouse=warehouse, part=part).defective


def test_the_whole_journey(faulty, van, central, part, tech_user, keeper, make_user):
    item = services.return_authorize(
        source=van, part=part, quantity=1, claim_number="CL-9", by=tech_user
    )
    assert item.number.startswith("RMA-") and item.destination == central
    services.return_ship(item=item, by=tech_user, carrier="Post", tracking_number="TRK-1")
    assert defective(van, part) == 0
    services.return_receive(item=item, by=keeper)
    assert defective(central, part) == 1
    quality = make_user(Role.QUALITY, username="quality")
    services.return_inspect(item=item, result=InspectionResult.NO_FAULT, by=quality, note="ok")
    item.refresh_from_db()
    assert (item.status, item.result, item.inspected_by) == (
        ReturnStatus.INSPECTED,
        InspectionResult.NO_FAULT,
        quality,
    )
    kinds = list(StockMove.objects.filter(defective_return=item).values_list("kind", flat=True))
    assert sorted(kinds) == [MoveKind.DEFECTIVE_IN, MoveKind.DEFECTIVE_OUT]
    assert_ledger_matches_levels()


def test_steps_cannot_be_skipped_or_repeated(faulty, van, part, keeper):
    item = services.return_authorize(source=van, part=part, quantity=1, by=keeper)
    with pytest.raises(ValidationError):
        services.return_receive(item=item, by=keeper)
    services.return_ship(item=item, by=keeper)
    with pytest.raises(ValidationError):
        services.return_ship(item=item, by=keeper)


def test_only_defective_parts_held_can_be_returned(central, van, part, keeper):
    with pytest.raises(ValidationError, match="Not enough stock"):
        services.return_authorize(source=van, part=part, quantity=1, by=keeper)
    assert DefectiveReturn.objects.count() == 0


def test_quality_inspects_on_the_screen(faulty, van, part, keeper, tech_user, make_user, login):
    item = services.return_authorize(source=van, part=part, quantity=1, by=tech_user)
    tech = login(tech_user)
    assert tech.post(f"/parts/returns/{item.pk}/ship/", {"carrier": "Post"}).status_code == 302
    assert login(keeper).post(f"/parts/returns/{item.pk}/receive/").status_code == 302
    # the technician may not inspect
    assert tech.post(f"/parts/returns/{item.pk}/inspect/", {"result": "misuse"}).status_code == 404
    quality = login(make_user(Role.QUALITY, username="quality"))
    assert item.number in quality.get("/parts/returns/").content.decode()
    response = quality.post(f"/parts/returns/{item.pk}/inspect/", {"result": "confirmed"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.result == InspectionResult.CONFIRMED
    page = quality.get(f"/parts/returns/{item.pk}/").content.decode()
    assert "Confirmed defect" in page and 'id="audit"' in page


def test_authorize_on_the_screen(faulty, van, central, part, tech_user, login):
    response = login(tech_user).post(
        "/parts/returns/new/",
        {"source": van.pk, "destination": central.pk, "part": "CAP-35", "quantity": 1},
    )
    assert response.status_code == 302
    assert DefectiveReturn.objects.get().source == van


def test_another_agent_cannot_see_the_return(faulty, van, part, keeper, agent_user, login):
    item = services.return_authorize(source=van, part=part, quantity=1, by=keeper)
    assert login(agent_user).get(f"/parts/returns/{item.pk}/").status_code == 404
