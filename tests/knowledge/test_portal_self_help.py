"""The customer's product page offers the published customer articles for the product
("before you ask for service, try these"), never staff-only ones or drafts."""

import pytest

from aftersales.core.choices import Role
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def washer(owner, agent, washer_model):
    return UnitFactory(owner=owner, service_agent=agent, serial="WM-1", product_model=washer_model)


def test_the_product_page_offers_customer_articles(login, owner, washer, write, washers):
    public = write("Clean the drain filter", audience="public", categories=[washers])
    write("Pump replacement procedure", categories=[washers])
    write("Not ready yet", audience="public", categories=[washers], publish=False)
    client = login(owner.user)
    page = client.get(f"/my/units/{washer.pk}/").content.decode()
    assert 'id="self-help"' in page and "Clean the drain filter" in page
    assert "Pump replacement procedure" not in page and "Not ready yet" not in page
    article = client.get(public.get_absolute_url())
    assert article.status_code == 200
    text = article.content.decode()
    assert "Clean the drain filter" in text and 'id="audit"' not in text


def test_no_box_without_articles(login, owner, washer, write):
    write("Staff only", product_models=[washer.product_model])
    page = login(owner.user).get(f"/my/units/{washer.pk}/").content.decode()
    assert 'id="self-help"' not in page


def test_a_persian_customer_reads_persian(login, owner, washer, write, washers):
    owner.user.language = "fa"
    owner.user.save(update_fields=["language"])
    write(
        "Clean the drain filter",
        title_fa="فیلتر تخلیه را تمیز کنید",
        body_fa="۱. دوشاخه را بکشید.",
        audience="public",
        categories=[washers],
    )
    page = login(owner.user).get(f"/my/units/{washer.pk}/").content.decode()
    assert "فیلتر تخلیه را تمیز کنید" in page and "Clean the drain filter" not in page
    assert owner.user.role == Role.CUSTOMER
