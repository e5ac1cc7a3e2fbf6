"""The one rule of who may do a piece of work (selectors.qualified / why_not)."""

import datetime as dt

from aftersales.workforce.models import Qualification, Technician
from aftersales.workforce.selectors import qualified, why_not
from tests.factories import CategoryFactory, ProductModelFactory, TechnicianFactory
from tests.service.factories import service_type

from .conftest import certify


def _ids(queryset):
    return {technician.last_name for technician in queryset}


def test_skills_by_category_by_model_and_generalists(db, service_data, today):
    cooling, washing = CategoryFactory(code="ac"), CategoryFactory(code="wm")
    split = ProductModelFactory(category=cooling)
    cooler = TechnicianFactory(last_name="Cooler")
    cooler.categories.set([cooling])
    washer = TechnicianFactory(last_name="Washer")
    washer.categories.set([washing])
    model_only = TechnicianFactory(last_name="ModelOnly")
    model_only.product_models.set([split])
    TechnicianFactory(last_name="Generalist")
    TechnicianFactory(last_name="Retired", is_active=False)
    work = qualified(Technician.objects.all(), product_model=split, on=today)
    assert _ids(work) == {"Cooler", "ModelOnly", "Generalist"}
    other_model = ProductModelFactory(category=cooling)
    assert _ids(qualified(Technician.objects.all(), product_model=other_model, on=today)) == {
        "Cooler",
        "Generalist",
    }
    assert why_not(washer, product_model=split, on=today) == [f"Not skilled for {split}."]


def test_service_types_empty_means_every_type(db, service_data, today):
    installer = TechnicianFactory(last_name="Installer")
    installer.service_types.set([service_type("installation")])
    TechnicianFactory(last_name="AllRound")
    repairs = qualified(Technician.objects.all(), service_type=service_type("repair"), on=today)
    assert _ids(repairs) == {"AllRound"}
    assert why_not(installer, service_type=service_type("repair"), on=today) == [
        f"Does not do {service_type('repair')}."
    ]


def test_a_certificate_counts_from_its_issue_day_to_its_expiry_day(
    cooling, f_gas, today, service_data
):
    technician = TechnicianFactory(last_name="Dated")
    technician.categories.set([cooling])
    issued, expires = today + dt.timedelta(days=10), today + dt.timedelta(days=20)
    certify(technician, f_gas, issued_on=issued, expires_on=expires)
    repair = {"category": cooling, "service_type": service_type("repair")}
    for day, expected in [
        (issued - dt.timedelta(days=1), set()),
        (issued, {"Dated"}),
        (expires, {"Dated"}),
        (expires + dt.timedelta(days=1), set()),
    ]:
        assert _ids(qualified(Technician.objects.all(), **repair, on=day)) == expected
    assert why_not(technician, **repair, on=today) == [
        "No valid F-gas handling certification on that day."
    ]


def test_a_qualification_binds_only_the_work_it_covers(cooling, f_gas, today, service_data):
    """F-gas is for repairs of air conditioners: not for installations, not for washers, and
    not for a request with no unit (unknown category)."""
    washing = CategoryFactory(code="wm")
    uncertified = TechnicianFactory(last_name="Uncertified")
    everyone = Technician.objects.all()
    assert (
        _ids(qualified(everyone, category=cooling, service_type=service_type("repair"), on=today))
        == set()
    )
    assert _ids(
        qualified(everyone, category=cooling, service_type=service_type("installation"), on=today)
    ) == {"Uncertified"}
    assert _ids(
        qualified(everyone, category=washing, service_type=service_type("repair"), on=today)
    ) == {"Uncertified"}
    assert _ids(qualified(everyone, service_type=service_type("repair"), on=today)) == {
        "Uncertified"
    }
    assert uncertified  # a generalist: skills are no obstacle


def test_an_inactive_qualification_binds_nobody(cooling, f_gas, today, service_data):
    TechnicianFactory(last_name="Free")
    Qualification.objects.filter(pk=f_gas.pk).update(is_active=False)
    work = {"category": cooling, "service_type": service_type("repair")}
    assert _ids(qualified(Technician.objects.all(), **work, on=today)) == {"Free"}


def test_a_later_certificate_of_the_same_qualification_makes_up_for_an_expired_one(
    lapsed, f_gas, today, cooling, service_data
):
    certify(lapsed, f_gas, issued_on=today, expires_on=today + dt.timedelta(days=700))
    work = {"category": cooling, "service_type": service_type("repair")}
    assert lapsed in qualified(Technician.objects.all(), **work, on=today)
    assert why_not(lapsed, **work, on=today) == []
