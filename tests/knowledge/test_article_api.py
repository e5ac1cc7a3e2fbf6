"""The knowledge base API: search and read within the caller's scope, writers create (with an
Idempotency-Key), change, publish and archive; 403 for a reader's write, 422 for bad input."""

import pytest

from aftersales.core.choices import Role
from aftersales.knowledge.models import Article
from tests.api.conftest import patch_json, post_json

pytestmark = pytest.mark.django_db

URL = "/api/v1/knowledge/articles"


def test_search_and_read(token_client, operator, write, washer_model, washers):
    article = write("Clean the drain filter", product_models=[washer_model])
    write("Caring for the drum", categories=[washers], audience="public")
    write("Air filters")
    client = token_client(operator)
    found = client.get(URL, {"q": "drain"}).json()
    assert found["count"] == 1 and found["items"][0]["title"] == "Clean the drain filter"
    for_model = client.get(URL, {"model": washer_model.code}).json()
    assert {item["title"] for item in for_model["items"]} == {
        "Clean the drain filter",
        "Caring for the drum",
    }
    assert client.get(URL, {"audience": "public"}).json()["count"] == 1
    detail = client.get(f"{URL}/{article.pk}").json()
    assert detail["product_models"] == [washer_model.code] and detail["language"] == "en"
    assert detail["status"] == "published" and detail["body"].startswith("1. Unplug")


def test_a_customer_reads_only_customer_articles(token_client, owner, write):
    public = write("For you", audience="public")
    internal = write("For staff")
    client = token_client(owner.user)
    assert [item["id"] for item in client.get(URL).json()["items"]] == [public.pk]
    assert client.get(f"{URL}/{internal.pk}").status_code == 404


def test_a_writer_creates_changes_publishes_and_archives(
    token_client, quality, washer_model, does_not_drain
):
    client = token_client(quality)
    body = {
        "title_it": "Errore E21",
        "body_it": "1. Pulire il filtro.",
        "audience": "public",
        "product_models": [washer_model.code],
        "symptoms": [does_not_drain.code],
    }
    first = post_json(client, URL, body, HTTP_IDEMPOTENCY_KEY="k-1")
    again = post_json(client, URL, body, HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert Article.objects.count() == 1
    article = first.json()
    assert article["status"] == "draft" and article["symptoms"] == ["S08"]
    changed = patch_json(client, f"{URL}/{article['id']}", {"title_en": "E21", "body_en": "b"})
    assert changed.status_code == 200 and changed.json()["title_it"] == "Errore E21"
    assert changed.json()["product_models"] == [washer_model.code]
    published = post_json(client, f"{URL}/{article['id']}/publish", {})
    assert published.json()["status"] == "published"
    again = post_json(client, f"{URL}/{article['id']}/publish", {})
    assert again.status_code == 422
    archived = post_json(client, f"{URL}/{article['id']}/archive", {})
    assert archived.json()["status"] == "archived"


def test_bad_input_names_the_field(token_client, quality):
    client = token_client(quality)
    unknown = post_json(client, URL, {"title_en": "t", "body_en": "b", "product_models": ["NO"]})
    assert unknown.status_code == 422 and "product_models" in unknown.json()["errors"]
    untitled = post_json(client, URL, {"body_en": "b"})
    assert untitled.status_code == 422 and "title_en" in untitled.json()["errors"]
    assert not Article.objects.exists()


def test_readers_may_not_write(token_client, make_user, write):
    article = write("Published")
    client = token_client(make_user(Role.TECHNICIAN, username="tech"))
    assert post_json(client, URL, {"title_en": "t", "body_en": "b"}).status_code == 403
    assert patch_json(client, f"{URL}/{article.pk}", {"title_en": "x"}).status_code == 403
    assert post_json(client, f"{URL}/{article.pk}/archive", {}).status_code == 403
    assert client.get(f"{URL}/{article.pk}").status_code == 200
