"""The articles for a unit's model or category and the symptoms its visits recorded: the right
ones, best first, in one query whatever their number; in a box on the request's and the
visit's pages."""

import pytest

from aftersales.knowledge import selectors
from aftersales.service import services as service
from tests.factories import CategoryFactory, ProductModelFactory, UnitFactory
from tests.service.factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def washer(owner, agent, washer_model):
    return UnitFactory(owner=owner, service_agent=agent, serial="WM-1", product_model=washer_model)


@pytest.fixture
def request_for_washer(service_data, operator, owner, washer):
    return open_request(by=operator, customer=owner, unit=washer, description="E21 on display")


@pytest.fixture
def library(write, washers, washer_model, does_not_drain, noise):
    other_model = ProductModelFactory(code="WM-F6", category=washers)
    air = ProductModelFactory(code="AC-12", category=CategoryFactory(code="ac"))
    return {
        "drain_for_model": write(
            "Drain filter on the F8", product_models=[washer_model], symptoms=[does_not_drain]
        ),
        "drain_for_category": write(
            "Drain hose kinked", categories=[washers], symptoms=[does_not_drain]
        ),
        "general": write("Caring for your washer", categories=[washers]),
        "noise": write("Transport bolts", categories=[washers], symptoms=[noise]),
        "other_model": write("F6 only", product_models=[other_model]),
        "air": write("Air filters", product_models=[air]),
        "draft": write("Draft on the F8", product_models=[washer_model], publish=False),
        "symptom_only": write("Any washer that does not drain", symptoms=[does_not_drain]),
    }


def _titles(articles):
    return [article.title_en for article in articles]


def test_before_a_visit_every_article_for_the_model_or_its_category(
    library, request_for_washer, operator, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = selectors.articles_for_request(user=operator, request=request_for_washer)
    assert set(_titles(found)) == {
        "Drain filter on the F8",
        "Drain hose kinked",
        "Caring for your washer",
        "Transport bolts",
    }
    assert _titles(found)[0] == "Drain filter on the F8"  # the model's own first


def test_once_a_symptom_is_recorded_its_articles_come_first_and_others_leave(
    library, request_for_washer, operator, does_not_drain, django_assert_num_queries
):
    technician = technician_with_login()
    visit = scheduled_visit(request=request_for_washer, technician=technician, by=operator)
    service.visit_check_in(visit=visit, by=technician.user)
    service.visit_record(
        visit=visit, by=technician.user, diagnosis="", failure_codes=[does_not_drain], checklist={}
    )
    with django_assert_num_queries(1):
        found = selectors.articles_for_request(user=operator, request=request_for_washer)
    titles = _titles(found)
    assert titles[0] == "Drain filter on the F8"  # this symptom and this model
    assert set(titles[1:3]) == {"Drain hose kinked", "Any washer that does not drain"}
    assert titles[3:] == ["Caring for your washer"]  # for no symptom in particular
    assert "Transport bolts" not in _titles(found)  # written for another symptom
    assert {a.title_en for a in found if a.for_symptom} == {
        "Drain filter on the F8",
        "Drain hose kinked",
        "Any washer that does not drain",
    }


def test_one_query_however_many_articles(
    write, washer_model, request_for_washer, operator, django_assert_num_queries
):
    for number in range(12):
        write(f"Article {number}", product_models=[washer_model])
    with django_assert_num_queries(1):
        found = selectors.articles_for_request(user=operator, request=request_for_washer, limit=50)
    assert len(found) == 12


def test_a_customer_is_offered_only_customer_articles(write, washer_model, owner):
    write("For staff", product_models=[washer_model])
    write("For you", product_models=[washer_model], audience="public")
    found = selectors.articles_for(user=owner.user, product_model_id=washer_model.pk)
    assert _titles(found) == ["For you"]


def test_the_request_page_shows_the_box(login, operator, library, request_for_washer):
    page = login(operator).get(request_for_washer.get_absolute_url()).content.decode()
    assert 'id="articles-box"' in page
    assert "Drain filter on the F8" in page and "Air filters" not in page
    assert "Draft on the F8" not in page


def test_the_technicians_visit_page_shows_the_box(login, operator, library, request_for_washer):
    technician = technician_with_login()
    visit = scheduled_visit(request=request_for_washer, technician=technician, by=operator)
    page = login(technician.user).get(visit.get_absolute_url()).content.decode()
    assert 'id="articles-box"' in page and "Drain hose kinked" in page


def test_a_request_without_a_unit_has_no_box(service_data, login, operator, owner, library):
    request = open_request(by=operator, customer=owner, code="support")
    assert (
        'id="articles-box"' not in login(operator).get(request.get_absolute_url()).content.decode()
    )
