import pytest

from aftersales.core.choices import Role
from aftersales.workshop import services
from aftersales.workshop.models import Workshop
from tests.service.factories import open_request, technician_with_login


@pytest.fixture
def dispatcher(make_user):
    return make_user(Role.DISPATCHER, username="dispatcher")


@pytest.fixture
def technician(db):
    """A technician of the maker's own service centre."""
    return technician_with_login()


@pytest.fixture
def centre(db):
    """The maker's own service centre."""
    return Workshop.objects.create(
        code="WS-TEH", name="Tehran service centre", address="12 Azadi St", phone="+982188776655"
    )


@pytest.fixture
def agents_workshop(agent):
    return Workshop.objects.create(code="WS-TBZ", name="North Service bench", agent=agent)


@pytest.fixture
def service_request(operator, owner, owned_unit):
    return open_request(by=operator, customer=owner, unit=owned_unit, channel="walk_in")


@pytest.fixture
def received(service_request, centre, operator):
    """The owner's unit, carried in to the maker's service centre."""
    return services.job_receive(
        request=service_request,
        workshop=centre,
        by=operator,
        arrival="carried_in",
        condition="Scratch on the front panel",
        accessories="Remote control, power cord",
    )


@pytest.fixture
def carry_in(service_data):
    """The carry-in service type that service's data migration 0014 ships (loaded again: a
    transactional test empties the database after itself)."""
    import importlib

    from django.apps import apps

    from aftersales.service.models import ServiceType

    importlib.import_module("aftersales.service.migrations.0014_workshop_repair_type").load(
        apps, None
    )
    return ServiceType.objects.get(code="workshop_repair")


@pytest.fixture
def walk_in_customer(make_user):
    """A customer with a portal login, a small appliance and no address on file."""
    from tests.factories import CustomerFactory, UnitFactory

    customer = CustomerFactory(
        first_name="Leila", last_name="Ahmadi", user=make_user(Role.CUSTOMER, username="leila")
    )
    UnitFactory(owner=customer, serial="MX-2000-77")
    return customer
