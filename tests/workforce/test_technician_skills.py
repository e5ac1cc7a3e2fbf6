"""A manager records a technician's skills (categories, service types, specific models), home
base and shift; the page shows them."""

from aftersales.workforce.models import Technician
from tests.factories import ProductModelFactory, TechnicianFactory
from tests.service.factories import service_type


def test_a_manager_sets_service_types_models_home_and_shift(manager, cooling, service_data, login):
    technician = TechnicianFactory(first_name="Sam", last_name="Skilled")
    split = ProductModelFactory(category=cooling, name="Split 18")
    data = {
        "first_name": "Sam",
        "last_name": "Skilled",
        "categories": [cooling.pk],
        "service_types": [service_type("installation").pk],
        "product_models": [split.pk],
        "home_latitude": "35.700000",
        "home_longitude": "51.400000",
        "shift_start": "07:30",
        "shift_end": "16:00",
        "break_minutes": "45",
        "is_active": "on",
    }
    response = login(manager).post(f"/technicians/{technician.pk}/edit/", data)
    assert response.status_code == 302
    technician = Technician.objects.get(pk=technician.pk)
    assert list(technician.service_types.all()) == [service_type("installation")]
    assert list(technician.product_models.all()) == [split]
    assert technician.shift_start.hour == 7 and technician.break_minutes == 45
    page = login(manager).get(technician.get_absolute_url()).content.decode()
    assert "Split 18" in page and "Air conditioners" in page


def test_a_shift_ending_before_it_starts_or_half_a_home_is_refused(manager, login):
    technician = TechnicianFactory(first_name="Sam", last_name="Shift")
    base = {"first_name": "Sam", "last_name": "Shift", "is_active": "on"}
    client = login(manager)
    response = client.post(
        f"/technicians/{technician.pk}/edit/",
        {**base, "shift_start": "17:00", "shift_end": "08:00"},
    )
    assert (
        response.status_code == 400
        and "The shift must end after it starts." in response.content.decode()
    )
    response = client.post(f"/technicians/{technician.pk}/edit/", {**base, "home_latitude": "35.7"})
    assert (
        response.status_code == 400
        and "Give both the latitude and the longitude." in response.content.decode()
    )
    technician.refresh_from_db()
    assert technician.shift_start.hour == 8 and technician.home_latitude is None


def test_a_technician_with_no_skills_listed_is_shown_as_a_generalist(operator, login):
    technician = TechnicianFactory()
    page = login(operator).get(technician.get_absolute_url()).content.decode()
    assert "Every category" in page and "Every type" in page
