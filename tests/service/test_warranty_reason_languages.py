"""The warranty decision attached to a request is written in every language of the UI: the
customer reads in Persian what an operator opened in English, an Italian API caller in Italian."""

import pytest

from aftersales.service.models import ServiceRequest

from .factories import open_request

pytestmark = pytest.mark.django_db

NO_POLICY = {
    "en": "No warranty policy applies to this model.",
    "fa": "هیچ سیاست گارانتی برای این مدل اعمال نمی‌شود.",
    "it": "Nessuna garanzia si applica a questo modello.",
}


def test_the_reason_is_kept_in_every_language(service_data, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    assert request.warranty_reasons == NO_POLICY
    assert request.warranty_reason == NO_POLICY["en"]  # the opener's language


def test_the_customer_reads_it_in_persian(service_data, operator, owner, owned_unit, login):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    owner.user.language = "fa"
    owner.user.save()
    page = login(owner.user).get(f"/service/my/{request.pk}/").content.decode()
    assert NO_POLICY["fa"] in page and NO_POLICY["en"] not in page


def test_the_api_answers_in_the_callers_language(
    service_data,
    operator,
    owner,
    owned_unit,
    make_user,
    token_client,  # noqa: F811
):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    italian = make_user("operator", username="operatore", language="it")
    body = token_client(italian).get(f"/api/v1/service/requests/{request.pk}").json()
    assert body["warranty_reason"] == NO_POLICY["it"]


def test_an_older_request_shows_what_was_written(service_data, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    ServiceRequest.objects.filter(pk=request.pk).update(warranty_reasons={})
    request.refresh_from_db()
    assert request.warranty_reason_shown == NO_POLICY["en"]
