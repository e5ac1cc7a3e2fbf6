"""A remote support session says which article it followed: only one for the request's problem
is offered, a draft is refused, and the request page links to it."""

import pytest
from django.core.exceptions import ValidationError

from aftersales.service import services as service
from aftersales.service.models import SupportSession
from tests.factories import UnitFactory
from tests.service.factories import open_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def support(operator, owner, washer_model):
    unit = UnitFactory(owner=owner, product_model=washer_model, serial="WM-S-1")
    return open_request(by=operator, customer=owner, unit=unit, code="support")


def test_the_session_records_the_article_and_the_page_links_it(support, operator, login, write):
    article = write("Clean the drain filter", product_models=[support.unit.product_model])
    other = write("Something for another product")
    client = login(operator)
    page = client.get(support.get_absolute_url()).content.decode()
    offered = page.split('name="article"', 1)[1].split("</select>", 1)[0]
    assert f'<option value="{article.pk}">' in offered
    assert f'<option value="{other.pk}">' not in offered  # only the articles for this problem
    data = {
        "kind": "remote",
        "channel": "phone",
        "outcome": "solved",
        "minutes": 5,
        "attendees": 0,
    }
    client.post(f"/service/requests/{support.pk}/support/", {**data, "article": other.pk})
    assert not SupportSession.objects.exists()
    client.post(f"/service/requests/{support.pk}/support/", {**data, "article": article.pk})
    assert SupportSession.objects.get().article == article
    page = client.get(support.get_absolute_url()).content.decode()
    assert f'href="{article.get_absolute_url()}"' in page


def test_a_draft_is_refused_by_the_service(support, operator, write):
    draft = write("Not yet", publish=False, product_models=[support.unit.product_model])
    with pytest.raises(ValidationError):
        service.support_record(
            request=support,
            by=operator,
            kind="remote",
            channel="phone",
            outcome="solved",
            article=draft,
        )
    assert not SupportSession.objects.exists()
