"""A page in the user's scope links only to warehouses in it: a transfer from the central
warehouse to an agent's store names the central warehouse without a link for the agent's staff,
whose click would otherwise end on a 404."""

import pytest

from aftersales.parts import services

pytestmark = pytest.mark.django_db


def test_the_agents_staff_see_a_transfer_to_their_store_without_a_link_to_its_source(
    central, agent_store, part, receive, keeper, agent_user, login
):
    receive(central, part, 3)
    transfer = services.stock_transfer(
        source=central, destination=agent_store, part=part, quantity=2, by=keeper
    )
    client = login(agent_user)
    response = client.get(transfer.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert str(central) in html
    assert central.get_absolute_url() not in html
    assert agent_store.get_absolute_url() in html
    assert 'id="receive"' in html  # the destination's staff receive it
    keepers_page = login(keeper).get(transfer.get_absolute_url()).content.decode()
    assert central.get_absolute_url() in keepers_page
