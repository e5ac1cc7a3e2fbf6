"""Every role against a record it owns, a colleague's, and a stranger's."""

import pytest

from aftersales.core.choices import Role
from aftersales.customers.models import Customer
from aftersales.units.models import Unit


def test_a_customer_sees_only_their_own_units(owner, owned_unit, strangers_unit):
    assert list(Unit.objects.restrict(owner.user, "view")) == [owned_unit]
    assert list(Customer.objects.restrict(owner.user, "view")) == [owner]


def test_a_customer_cannot_create_units(owner):
    assert not Unit.objects.restrict(owner.user, "add").exists()
    assert not Unit.policy.allows(owner.user, "add")


def test_agent_staff_see_the_units_their_agent_services_and_those_owners(
    agent_user, owned_unit, strangers_unit
):
    assert list(Unit.objects.restrict(agent_user, "view")) == [owned_unit]
    assert list(Customer.objects.restrict(agent_user, "view")) == [owned_unit.owner]


def test_a_colleague_at_the_same_agent_sees_the_same(make_user, agent, owned_unit):
    colleague = make_user(Role.TECHNICIAN, agent=agent)
    assert list(Unit.objects.restrict(colleague, "view")) == [owned_unit]


def test_agent_staff_without_an_agent_see_nothing(make_user, owned_unit):
    assert not Unit.objects.restrict(make_user(Role.AGENT), "view").exists()


@pytest.mark.parametrize(
    "role", [Role.OPERATOR, Role.DISPATCHER, Role.QUALITY, Role.MANAGER, Role.ADMIN]
)
def test_the_makers_staff_see_the_whole_installed_base(make_user, role, owned_unit, strangers_unit):
    assert Unit.objects.restrict(make_user(role), "view").count() == 2


def test_only_operators_and_managers_change_units(make_user, owned_unit):
    assert Unit.objects.restrict(make_user(Role.OPERATOR), "change").exists()
    assert not Unit.objects.restrict(make_user(Role.FINANCE), "change").exists()
    assert not Unit.objects.restrict(make_user(Role.DISPATCHER), "delete").exists()


def test_an_anonymous_or_inactive_user_sees_nothing(make_user, owned_unit):
    from django.contrib.auth.models import AnonymousUser

    assert not Unit.objects.restrict(AnonymousUser(), "view").exists()
    assert not Unit.objects.restrict(make_user(Role.MANAGER, is_active=False), "view").exists()


def test_everyone_reads_the_catalogue_but_customers_see_no_failure_codes_or_prices(
    owner, agent_user, owned_unit
):
    from aftersales.catalog.models import FailureCode, PartPrice, ProductModel
    from tests.factories import FailureCodeFactory

    FailureCodeFactory()
    assert list(ProductModel.objects.restrict(owner.user, "view")) == [owned_unit.product_model]
    assert list(ProductModel.objects.restrict(agent_user, "view")) == [owned_unit.product_model]
    assert FailureCode.objects.restrict(agent_user, "view").count() == 1
    assert not FailureCode.objects.restrict(owner.user, "view").exists()
    assert not PartPrice.policy.allows(owner.user, "view")
