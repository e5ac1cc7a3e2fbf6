"""What follows a claim, over the API: faulty parts called back, supplier recoveries, guarantees
honoured. Scope (404), roles (403), JSON errors and idempotent creates, as the rest of the API."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client

from aftersales.core.choices import Role
from aftersales.core.services import api_token_create
from aftersales.parts import services as parts
from aftersales.parts.choices import WarehouseKind
from aftersales.parts.models import DefectiveReturn, Warehouse
from aftersales.warranty import services
from aftersales.warranty.models import GuaranteeAction, SupplierRecovery
from tests.factories import UnitFactory

API = "/api/v1/warranty"


@pytest.fixture
def token_client(db):
    def make(user):
        _token, key = api_token_create(user=user, name="test")
        return Client(headers={"authorization": f"Bearer {key}"})

    return make


def _post(client, path, data, **headers):
    return client.post(path, json.dumps(data), content_type="application/json", headers=headers)


def _error(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"}
    return body


@pytest.fixture
def quality(make_user):
    return make_user(Role.QUALITY, username="qa")


@pytest.fixture
def other_agent_user(make_user, other_agent):
    return make_user(Role.AGENT, username="southstaff", agent=other_agent)


@pytest.fixture
def stores(db, agent):
    central = Warehouse.objects.create(code="CEN", name="Central", kind=WarehouseKind.CENTRAL)
    store = Warehouse.objects.create(
        code="AG-N-1", name="North store", kind=WarehouseKind.AGENT, agent=agent
    )
    return central, store


@pytest.fixture
def claim(ac_model, ac_policy, italian_owner, agent, compatible_part, stores):
    """An approved claim of the agent, its faulty fan motor kept apart as defective stock."""
    services.part_coverage_set(
        policy=ac_policy, part=compatible_part, months=24, by=None, supplier="Motori Srl"
    )
    unit = UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=dt.date.today() - dt.timedelta(days=50),
    )
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


# Call-backs -------------------------------------------------------------------------------------


def _callback_path(claim):
    return f"{API}/claims/{claim.pk}/lines/{claim.parts.get().pk}/callback"


def test_quality_calls_a_part_back_and_the_agent_reads_it(
    token_client, quality, agent_user, claim, stores
):
    client = token_client(quality)
    assert client.get(f"{API}/claims/{claim.pk}/callbacks").json() == []
    _error(client.get(_callback_path(claim)), 404)  # not called back yet

    response = _post(client, _callback_path(claim), {"source": stores[1].pk})
    assert response.status_code == 201, response.content
    body = response.json()
    item = DefectiveReturn.objects.get()
    assert body["defective_return"]["number"] == item.number
    assert body["defective_return"]["source"] == stores[1].pk
    assert body["defective_return"]["destination"] == stores[0].pk
    assert body["defective_return"]["status"] == "authorized"
    assert (body["claim_number"], body["sku"]) == (claim.number, "FAN-1")
    assert body["return_required"] and body["return_due"]
    assert item.claim_number == claim.number

    agent = token_client(agent_user)  # the claim's agent may read it, not call parts back
    [listed] = agent.get(f"{API}/claims/{claim.pk}/callbacks").json()
    assert listed["defective_return"]["number"] == item.number
    assert agent.get(_callback_path(claim)).json()["line"] == body["line"]

    again = _error(_post(client, _callback_path(claim), {"source": stores[1].pk}), 422)
    assert item.number in again["errors"]["__all__"][0]  # once per line


def test_a_call_back_needs_a_warehouse_in_reach_and_defective_stock(
    token_client, quality, claim, stores
):
    client = token_client(quality)
    body = _error(_post(client, _callback_path(claim), {"source": 99999}), 422)
    assert "source" in body["errors"]
    _error(_post(client, _callback_path(claim), {"source": stores[1].pk, "quantity": 5}), 422)
    assert not DefectiveReturn.objects.exists()


def test_call_backs_out_of_scope_are_not_found(
    token_client, quality, other_agent_user, claim, stores
):
    services.claim_part_return_authorize(line=claim.parts.get(), source=stores[1], by=quality)
    other = token_client(other_agent_user)
    _error(other.get(f"{API}/claims/{claim.pk}/callbacks"), 404)
    _error(other.get(_callback_path(claim)), 404)
    wrong_claim = f"{API}/claims/{claim.pk + 1}/lines/{claim.parts.get().pk}/callback"
    _error(token_client(quality).get(wrong_claim), 404)


def test_agents_may_not_call_parts_back(token_client, agent_user, claim, stores):
    _error(_post(token_client(agent_user), _callback_path(claim), {"source": stores[1].pk}), 403)
    assert not DefectiveReturn.objects.exists()


def test_a_call_back_replays_with_the_same_key(token_client, quality, claim, stores):
    client = token_client(quality)
    first = _post(
        client, _callback_path(claim), {"source": stores[1].pk}, **{"Idempotency-Key": "cb-1"}
    )
    again = _post(
        client, _callback_path(claim), {"source": stores[1].pk}, **{"Idempotency-Key": "cb-1"}
    )
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert DefectiveReturn.objects.count() == 1


# Supplier recoveries ----------------------------------------------------------------------------


def test_quality_passes_a_line_on_and_finance_moves_it_to_recovered(
    token_client, make_user, quality, claim
):
    assert claim.status == "approved"
    line = claim.parts.get()
    client = token_client(quality)
    response = _post(client, f"{API}/claims/{claim.pk}/recoveries", {"line": line.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["supplier"], body["amount"], body["status"], body["line"]) == (
        "Motori Srl",
        "1000.00",
        "claimed",
        line.pk,
    )
    assert body["number"].startswith("SR-") and body["claim_number"] == claim.number

    finance = token_client(make_user(Role.FINANCE, username="fin"))
    move = f"{API}/recoveries/{body['id']}/move"
    _error(_post(finance, move, {"to": "recovered"}), 422)  # not accepted yet
    assert _post(finance, move, {"to": "accepted"}).json()["status"] == "accepted"
    _error(_post(finance, move, {"to": "recovered", "recovered_amount": "5000"}), 422)
    moved = _post(finance, move, {"to": "recovered", "recovered_amount": "900"})
    assert moved.status_code == 200, moved.content
    assert (moved.json()["status"], moved.json()["recovered_amount"]) == ("recovered", "900.00")
    assert moved.json()["closed_at"] is not None

    listed = finance.get(f"{API}/recoveries", {"status": "recovered"}).json()
    assert [row["id"] for row in listed["items"]] == [body["id"]]
    assert finance.get(f"{API}/recoveries", {"status": "claimed"}).json()["items"] == []
    assert finance.get(f"{API}/recoveries/{body['id']}").json()["number"] == body["number"]


def test_a_recovery_is_refused_with_json_errors(token_client, quality, claim):
    client = token_client(quality)
    path = f"{API}/claims/{claim.pk}/recoveries"
    assert "supplier" in _error(_post(client, path, {}), 422)["errors"]  # whole claim: name it
    assert (
        "amount" in _error(_post(client, path, {"supplier": "X", "amount": "1e9"}), 422)["errors"]
    )
    assert "line" in _error(_post(client, path, {"line": 99999}), 422)["errors"]
    assert _post(client, path, {"supplier": "Motori Srl"}).status_code == 201
    _error(_post(client, path, {"supplier": "Motori Srl"}), 422)  # one open recovery per claim
    assert SupplierRecovery.objects.count() == 1


def test_recoveries_not_found(token_client, quality, claim):
    client = token_client(quality)
    _error(client.get(f"{API}/recoveries/99999"), 404)
    _error(_post(client, f"{API}/recoveries/99999/move", {"to": "accepted"}), 404)
    _error(_post(client, f"{API}/claims/99999/recoveries", {"supplier": "X"}), 404)


def test_recoveries_are_for_quality_finance_and_managers_only(
    token_client, make_user, agent_user, quality, claim
):
    recovery = services.recovery_create(claim=claim, by=quality, supplier="Motori Srl")
    for user in (agent_user, make_user(Role.OPERATOR, username="op")):
        client = token_client(user)
        _error(client.get(f"{API}/recoveries"), 403)
        _error(client.get(f"{API}/recoveries/{recovery.pk}"), 403)
        _error(_post(client, f"{API}/recoveries/{recovery.pk}/move", {"to": "accepted"}), 403)
        _error(_post(client, f"{API}/claims/{claim.pk}/recoveries", {"supplier": "X"}), 403)
    recovery.refresh_from_db()
    assert recovery.status == "claimed"


def test_a_recovery_replays_with_the_same_key(token_client, quality, claim):
    client = token_client(quality)
    path = f"{API}/claims/{claim.pk}/recoveries"
    first = _post(client, path, {"supplier": "Motori Srl"}, **{"Idempotency-Key": "sr-1"})
    again = _post(client, path, {"supplier": "Motori Srl"}, **{"Idempotency-Key": "sr-1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert SupplierRecovery.objects.count() == 1
    other = _post(client, path, {"supplier": "Other Spa"}, **{"Idempotency-Key": "sr-1"})
    _error(other, 422)  # the same key for another request


# Guarantees as actions --------------------------------------------------------------------------


@pytest.fixture
def unit(ac_model, ac_policy, italian_owner, agent):
    services.guarantee_set(policy=ac_policy, kind="money_back", days=14, by=None)
    return UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        serial="OLD-1",
        sale_date=dt.date.today() - dt.timedelta(days=5),
    )


def test_a_manager_accepts_a_proposed_guarantee(token_client, manager, operator, unit):
    staff = token_client(operator)
    [proposal] = staff.get(f"{API}/units/{unit.pk}/guarantees/proposals").json()
    assert proposal["rule"] == "money_back"
    assert "Money back is guaranteed until" in proposal["reason"]
    assert staff.get(f"{API}/units/{unit.pk}/guarantees").json() == []

    response = _post(
        token_client(manager), f"{API}/units/{unit.pk}/guarantees", {"rule": "money_back"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["rule"], body["unit"], body["decided_by"]) == (
        "money_back",
        "money_back",
        unit.pk,
        manager.pk,
    )
    assert "Money back" in body["basis"]
    assert staff.get(f"{API}/units/{unit.pk}/guarantees/proposals").json() == []
    assert [row["id"] for row in staff.get(f"{API}/units/{unit.pk}/guarantees").json()] == [
        body["id"]
    ]
    again = _post(
        token_client(manager), f"{API}/units/{unit.pk}/guarantees", {"rule": "money_back"}
    )
    assert "rule" in _error(again, 422)["errors"]  # honoured already: no longer due


def test_a_replacement_names_the_new_unit(
    token_client, manager, unit, ac_model, ac_policy, compatible_part
):
    services.guarantee_set(policy=ac_policy, kind="replace_defect", days=30, by=None)
    services.claim_submit(
        unit=unit,
        by=None,
        failure_date=dt.date.today(),
        meter=Decimal(5),
        parts=[{"part": compatible_part, "amount": Decimal(100)}],
    )
    new = UnitFactory(product_model=ac_model, owner=unit.owner, serial="NEW-1")
    client = token_client(manager)
    path = f"{API}/units/{unit.pk}/guarantees"
    bad = _post(client, path, {"rule": "replace_defect", "new_unit": 99999})
    assert "new_unit" in _error(bad, 422)["errors"]
    response = _post(client, path, {"rule": "replace_defect", "new_unit": new.pk, "note": "swap"})
    assert response.status_code == 201, response.content
    assert (response.json()["kind"], response.json()["new_unit"]) == ("replacement", new.pk)
    unit.refresh_from_db()
    assert (unit.status, unit.replaced_by) == ("replaced", new)


def test_guarantees_of_a_unit_out_of_scope_are_not_found(
    token_client, make_user, other_agent, unit
):
    technician = make_user(Role.TECHNICIAN, username="southtech", agent=other_agent)
    client = token_client(technician)
    _error(client.get(f"{API}/units/{unit.pk}/guarantees/proposals"), 404)
    _error(client.get(f"{API}/units/{unit.pk}/guarantees"), 404)
    _error(
        token_client(make_user(Role.MANAGER, username="m2")).get(f"{API}/units/99999/guarantees"),
        404,
    )


def test_only_a_manager_accepts_and_only_staff_read(
    token_client, operator, agent_user, owner, unit
):
    path = f"{API}/units/{unit.pk}/guarantees"
    _error(_post(token_client(operator), path, {"rule": "money_back"}), 403)
    for user in (agent_user, owner.user):
        client = token_client(user)
        _error(client.get(f"{path}/proposals"), 403)
        _error(client.get(path), 403)
        _error(_post(client, path, {"rule": "money_back"}), 403)
    assert not GuaranteeAction.objects.exists()


def test_accepting_a_guarantee_replays_with_the_same_key(token_client, manager, unit):
    client = token_client(manager)
    path = f"{API}/units/{unit.pk}/guarantees"
    first = _post(client, path, {"rule": "money_back"}, **{"Idempotency-Key": "ga-1"})
    again = _post(client, path, {"rule": "money_back"}, **{"Idempotency-Key": "ga-1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert GuaranteeAction.objects.count() == 1
