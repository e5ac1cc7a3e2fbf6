from aftersales.units.models import OwnershipChange

from .conftest import post_json


def test_an_operator_transfers_a_unit_and_the_history_keeps_it(
    operator, owner, stranger, owned_unit, token_client
):
    client = token_client(operator)
    response = post_json(
        client,
        f"/api/v1/units/{owned_unit.pk}/transfer",
        {"new_owner": stranger.pk, "date": "2026-01-10", "note": "sold with the house"},
    )
    assert response.status_code == 200, response.content
    owned_unit.refresh_from_db()
    assert owned_unit.owner == stranger
    history = response.json()["ownership_history"]
    assert history == [
        {
            "date": "2026-01-10",
            "previous_owner": {"id": owner.pk, "display_name": "Sara Karimi"},
            "new_owner": {"id": stranger.pk, "display_name": "Marco Rossi"},
            "note": "sold with the house",
        }
    ]


def test_the_new_owner_does_not_see_who_owned_the_unit_before(
    operator, owner, stranger, owned_unit, token_client, login
):
    post_json(
        token_client(operator),
        f"/api/v1/units/{owned_unit.pk}/transfer",
        {"new_owner": stranger.pk},
    )
    new_owner = login(stranger.user)
    history = new_owner.get(f"/api/v1/units/{owned_unit.pk}").json()["ownership_history"]
    assert history[0]["previous_owner"] is None
    assert history[0]["new_owner"]["id"] == stranger.pk
    assert login(owner.user).get(f"/api/v1/units/{owned_unit.pk}").status_code == 404


def test_a_transfer_to_the_current_owner_is_a_422(operator, owner, owned_unit, token_client):
    response = post_json(
        token_client(operator), f"/api/v1/units/{owned_unit.pk}/transfer", {"new_owner": owner.pk}
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["new_owner"]
    assert not OwnershipChange.objects.exists()


def test_a_customer_may_not_give_their_unit_away(owner, stranger, owned_unit, login):
    response = post_json(
        login(owner.user), f"/api/v1/units/{owned_unit.pk}/transfer", {"new_owner": stranger.pk}
    )
    assert response.status_code == 403
    owned_unit.refresh_from_db()
    assert owned_unit.owner == owner
