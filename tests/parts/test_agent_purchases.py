"""An agent's staff see the parts their agent bought over another warehouse's counter (view
only), and nothing of the warehouse they were sold from; another agent's staff do not."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from aftersales.catalog.models import PartPrice
from aftersales.core.choices import Role
from aftersales.parts import services
from aftersales.parts.models import CounterSale

from ..factories import CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer_customer(db):
    return CustomerFactory(first_name="Nima", last_name="Rahimi")


@pytest.fixture
def bought(central, part, agent, receive, keeper):
    PartPrice.objects.create(
        part=part,
        price_list="agent",
        currency="IRR",
        amount=Decimal("1200000"),
        valid_from=timezone.localdate() - dt.timedelta(days=1),
    )
    PartPrice.objects.create(
        part=part,
        price_list="customer",
        currency="IRR",
        amount=Decimal("1500000"),
        valid_from=timezone.localdate() - dt.timedelta(days=1),
    )
    receive(central, part, 3)
    return services.counter_sale_create(
        warehouse=central, agent=agent, lines=[(part, 2)], by=keeper
    )


def test_the_buying_agents_staff_see_the_sale_in_the_list_and_its_page(
    bought, central, agent_user, login
):
    client = login(agent_user)
    assert bought.number in client.get(reverse("parts:sales")).content.decode()
    response = client.get(bought.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert bought.number in html
    # the central warehouse is named, not linked: its page would be a 404 for them
    assert central.get_absolute_url() not in html
    assert client.get(central.get_absolute_url()).status_code == 404


def test_the_buying_agents_staff_may_not_change_it_and_others_do_not_see_it(
    bought, agent_user, other_agent, make_user, login
):
    assert CounterSale.objects.restrict(agent_user, "view").filter(pk=bought.pk).exists()
    assert not CounterSale.objects.restrict(agent_user, "change").filter(pk=bought.pk).exists()
    other_staff = make_user(Role.AGENT, username="southstaff", agent=other_agent)
    assert login(other_staff).get(bought.get_absolute_url()).status_code == 404
    technician = make_user(Role.TECHNICIAN, username="agtech", agent=bought.agent)
    assert login(technician).get(bought.get_absolute_url()).status_code == 404


def test_the_portal_counts_the_parts_the_agent_bought_and_opens_them(
    bought, agent_store, part, buyer_customer, receive, agent_user, login
):
    # a sale from the agent's own store to a customer is not a purchase of the agent
    receive(agent_store, part, 1)
    services.counter_sale_create(
        warehouse=agent_store, customer=buyer_customer, lines=[(part, 1)], by=agent_user
    )
    client = login(agent_user)
    tiles = client.get("/agents/portal/").context["tiles"]
    tile = next(tile for tile in tiles if str(tile["label"]) == "Parts bought")
    assert tile["count"] == 1
    assert tile["url"] == f"{reverse('parts:sales')}?agent={bought.agent_id}"
    listed = client.get(tile["url"])
    assert listed.context["page"].paginator.count == 1
    assert bought.number in listed.content.decode()
