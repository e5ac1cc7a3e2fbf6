import pytest

from aftersales.core.choices import Role
from tests.factories import CategoryFactory, ProductModelFactory, UnitFactory

from .factories import open_request, scheduled_visit, technician_with_login


@pytest.fixture
def dispatcher(make_user):
    return make_user(Role.DISPATCHER, username="dispatcher")


@pytest.fixture
def technician(db):
    return technician_with_login()


@pytest.fixture
def checked_in(login, operator, owner, owned_unit, technician):
    """A visit the technician has checked in to."""
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=request, technician=technician, by=operator)
    login(technician.user).post(f"{visit.get_absolute_url()}check_in/", {})
    visit.refresh_from_db()
    assert visit.status == "on_site"
    return visit


@pytest.fixture
def air_conditioner(owner, agent):
    category = CategoryFactory(code="ac", name_en="Air conditioners", peak_months=[6, 7, 8])
    return UnitFactory(
        owner=owner,
        service_agent=agent,
        serial="AC-777",
        product_model=ProductModelFactory(category=category),
    )


@pytest.fixture
def food_processor(owner):
    category = CategoryFactory(code="food", name_en="Food processors", peak_months=[])
    return UnitFactory(
        owner=owner, serial="FP-1", product_model=ProductModelFactory(category=category)
    )
