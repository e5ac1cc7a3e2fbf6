"""The staff pages: the list (search in the reader's language, filters, export), an article in
the reader's language or another, writing, editing, publishing and archiving."""

import csv
import io

import pytest

from aftersales.core.choices import Role
from aftersales.knowledge.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def persian_reader(make_user):
    return make_user(Role.TECHNICIAN, username="reza", language="fa")


@pytest.fixture
def bilingual(write, washer_model):
    return write(
        "Clean the drain filter",
        title_fa="فیلتر تخلیه را تمیز کنید",
        body_fa="۱. دوشاخه را بکشید.\n۲. درِ فیلتر را باز کنید.",
        product_models=[washer_model],
    )


def test_the_search_looks_in_the_readers_language(login, persian_reader, bilingual, write):
    write("Only in English about the drain")
    client = login(persian_reader)
    page = client.get("/knowledge/", {"q": "فیلتر"}).content.decode()
    assert "فیلتر تخلیه را تمیز کنید" in page
    # the English text of a translated article is not what a Persian reader sees
    assert "فیلتر تخلیه" not in client.get("/knowledge/", {"q": "drain"}).content.decode()
    # an article with no Persian text is searched in the language it is shown in
    assert (
        "Only in English about the drain"
        in client.get("/knowledge/", {"q": "drain"}).content.decode()
    )


def test_an_article_falls_back_to_a_language_it_has(login, make_user, bilingual, write):
    italian = make_user(Role.OPERATOR, username="giulia", language="it")
    page = login(italian).get(bilingual.get_absolute_url()).content.decode()
    assert "Clean the drain filter" in page and 'id="article-fallback"' in page
    persian_only = write("", body_en="", title_fa="عنوان", body_fa="متن فارسی")
    page = login(italian).get(persian_only.get_absolute_url()).content.decode()
    assert 'lang="fa" dir="rtl"' in page and "متن فارسی" in page


def test_the_text_is_shown_as_plain_text(login, operator, write):
    article = write("Steps", body_en="<script>alert(1)</script>\n\n1. First\n2. Second")
    page = login(operator).get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "<p>1. First<br>2. Second</p>" in page


def test_filters_and_export(login, operator, write, washer_model, washers, does_not_drain):
    write("For the model", product_models=[washer_model])
    write("For the category", categories=[washers], audience="public")
    write("For the symptom", symptoms=[does_not_drain])
    write("A draft", publish=False)
    client = login(operator)

    def titles(**query):
        page = client.get("/knowledge/", query).content.decode()
        return {t for t in ("model", "category", "symptom") if f"For the {t}" in page} | (
            {"draft"} if "A draft" in page else set()
        )

    assert titles(model=washer_model.pk) == {"model", "category"}
    assert titles(category=washers.pk) == {"category"}
    assert titles(symptom=does_not_drain.pk) == {"symptom"}
    assert titles(audience="public") == {"category"}
    assert titles(status="draft") == {"draft"}
    response = client.get("/knowledge/", {"export": "csv", "status": "published"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "Title" and len(rows) == 4


def test_writing_editing_publishing_and_archiving(login, quality, washer_model, does_not_drain):
    client = login(quality)
    assert client.get("/knowledge/new/").status_code == 200
    refused = client.post("/knowledge/new/", {"title_it": "Solo titolo", "audience": "internal"})
    assert refused.status_code == 400 and not Article.objects.exists()
    response = client.post(
        "/knowledge/new/",
        {
            "title_fa": "خطای E21",
            "body_fa": "۱. فیلتر را باز کنید.",
            "audience": "public",
            "product_models": [washer_model.pk],
            "symptoms": [does_not_drain.pk],
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    assert article.status == "draft" and article.author == quality
    client.post(
        f"/knowledge/{article.pk}/edit/",
        {
            "title_fa": "خطای E21",
            "body_fa": "۱. فیلتر را باز کنید.",
            "title_en": "Error E21",
            "body_en": "1. Open the filter.",
            "audience": "public",
            "product_models": [washer_model.pk],
        },
    )
    article.refresh_from_db()
    assert article.title_en == "Error E21" and not article.symptoms.exists()
    client.post(f"/knowledge/{article.pk}/publish/")
    article.refresh_from_db()
    assert article.status == "published" and article.reviewed_by == quality
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'id="archive"' in page and 'id="audit"' in page
    client.post(f"/knowledge/{article.pk}/archive/")
    article.refresh_from_db()
    assert article.status == "archived"


def test_the_menu_leads_to_the_knowledge_base(login, persian_reader):
    page = login(persian_reader).get("/knowledge/").content.decode()
    assert 'href="/knowledge/"' in page and 'id="export-csv"' in page
    assert "/knowledge/new/" not in page  # a reader has no Add button
