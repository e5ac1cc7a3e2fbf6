"""Only managers and quality engineers change the catalogue; customers never see failure codes."""

import pytest

from aftersales.catalog.models import Category
from aftersales.core.choices import Role
from tests.factories import CategoryFactory, FailureCodeFactory, PartFactory, ProductModelFactory


@pytest.fixture
def records(db):
    category = CategoryFactory()
    return {
        "model": ProductModelFactory(category=category),
        "category": category,
        "part": PartFactory(),
        "failure_code": FailureCodeFactory(),
    }


def _edit_urls(records):
    return [
        f"/catalog/models/{records['model'].pk}/edit/",
        f"/catalog/categories/{records['category'].pk}/edit/",
        f"/catalog/parts/{records['part'].pk}/edit/",
        f"/catalog/failure-codes/{records['failure_code'].pk}/edit/",
    ]


CREATE_URLS = [
    "/catalog/models/new/",
    "/catalog/categories/new/",
    "/catalog/parts/new/",
    "/catalog/failure-codes/new/",
]


def test_an_operator_cannot_open_or_post_any_catalogue_form(operator, login, records):
    client = login(operator)
    for url in [*_edit_urls(records), *CREATE_URLS]:
        assert client.get(url).status_code == 404, url
    response = client.post(
        f"/catalog/categories/{records['category'].pk}/edit/",
        {"code": "hacked", "name_en": "Hacked", "peak_weight": "2"},
    )
    assert response.status_code == 404
    assert not Category.objects.filter(code="hacked").exists()


def test_an_operator_sees_no_edit_or_add_buttons(operator, login, records):
    client = login(operator)
    page = client.get(records["part"].get_absolute_url()).content.decode()
    assert 'id="edit-link"' not in page
    assert "/catalog/parts/new/" not in client.get("/catalog/parts/").content.decode()


@pytest.mark.parametrize("role", [Role.MANAGER, Role.QUALITY])
def test_managers_and_quality_engineers_may_edit(make_user, login, records, role):
    client = login(make_user(role))
    for url in [*_edit_urls(records), *CREATE_URLS]:
        assert client.get(url).status_code == 200, url
    page = client.get(records["model"].get_absolute_url()).content.decode()
    assert 'id="edit-link"' in page


def test_a_customer_cannot_see_failure_codes(owner, login):
    code = FailureCodeFactory(code="S-SECRET")
    client = login(owner.user)
    assert "S-SECRET" not in client.get("/catalog/failure-codes/").content.decode()
    assert client.get(f"/catalog/failure-codes/{code.pk}/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, records):
    response = client.get("/catalog/")
    assert response.status_code == 302 and "/accounts/login/" in response.url
    response = client.get(records["part"].get_absolute_url())
    assert response.status_code == 302
