"""Workforce fixtures: a qualification air-conditioner work needs, technicians who hold it
(valid or expired), a dispatcher, and a triaged air-conditioner repair request."""

import datetime as dt

import pytest
from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.service import services as service_services
from aftersales.workforce.models import Certification, Qualification
from tests.factories import CategoryFactory, ProductModelFactory, TechnicianFactory, UnitFactory
from tests.service.factories import open_request, service_type, technician_with_login


@pytest.fixture
def api_client(token_client):
    """A client calling the API with a personal token of `user`."""
    return token_client


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def dispatcher(make_user):
    return make_user(Role.DISPATCHER, username="dispatcher")


@pytest.fixture
def cooling(db):
    return CategoryFactory(code="ac", name_en="Air conditioners")


@pytest.fixture
def f_gas(cooling, service_data):
    """Refrigerant handling: needed for repairs of air conditioners."""
    qualification = Qualification.objects.create(name="F-gas handling", validity_months=24)
    qualification.categories.set([cooling])
    qualification.service_types.set([service_type("repair")])
    return qualification


def certify(technician, qualification, *, issued_on, expires_on):
    return Certification.objects.create(
        technician=technician,
        qualification=qualification,
        number=f"C-{technician.pk}",
        issued_on=issued_on,
        expires_on=expires_on,
    )


@pytest.fixture
def certified(cooling, f_gas, today):
    """A cooling technician whose F-gas certificate is valid for a year more."""
    technician = TechnicianFactory(first_name="Valid", last_name="Vahidi")
    technician.categories.set([cooling])
    certify(
        technician,
        f_gas,
        issued_on=today - dt.timedelta(days=300),
        expires_on=today + dt.timedelta(days=365),
    )
    return technician


@pytest.fixture
def lapsed(cooling, f_gas, today):
    """A cooling technician whose F-gas certificate expired yesterday."""
    technician = TechnicianFactory(first_name="Expired", last_name="Ebadi")
    technician.categories.set([cooling])
    certify(
        technician,
        f_gas,
        issued_on=today - dt.timedelta(days=800),
        expires_on=today - dt.timedelta(days=1),
    )
    return technician


@pytest.fixture
def ac_request(owner, agent, cooling, service_data, operator):
    """A triaged repair of the owner's air conditioner, wanted today."""
    unit = UnitFactory(
        owner=owner,
        service_agent=agent,
        serial="AC-900",
        product_model=ProductModelFactory(category=cooling),
    )
    request = open_request(
        by=operator, customer=owner, unit=unit, preferred_date=timezone.localdate()
    )
    return service_services.request_triage(request=request, by=operator)


__all__ = ["certify", "signature_data_url", "technician_with_login"]


def signature_data_url() -> str:
    """A real drawn-signature PNG, as the signature pad posts it."""
    import base64
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (200, 80), "white")
    ImageDraw.Draw(image).line([(10, 60), (60, 10), (110, 60), (190, 20)], fill="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture
def keeper(make_user):
    """The warehouse keeper who hands tools over."""
    return make_user(Role.WAREHOUSE, username="keeper")


@pytest.fixture
def van(db):
    from aftersales.workforce.models import Asset

    return Asset.objects.create(
        kind="vehicle",
        code="VAN-01",
        name="Service van",
        plate="12 A 345",
        service_interval_km=10000,
        service_interval_days=180,
        last_service_on=timezone.localdate() - dt.timedelta(days=30),
        last_service_km=20000,
    )


@pytest.fixture
def drill(db):
    from aftersales.workforce.models import Asset

    return Asset.objects.create(kind="tool", code="T-100", name="Vacuum pump", serial="VP-9")
