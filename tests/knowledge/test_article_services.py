"""Writing, publishing and archiving an article: the rules live in the services."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.core.choices import Role
from aftersales.knowledge import services
from aftersales.knowledge.models import Article
from tests.factories import FailureCodeFactory

pytestmark = pytest.mark.django_db


def test_a_new_article_is_a_draft_by_its_author(quality, washer_model, does_not_drain):
    article = services.article_create(
        by=quality,
        title_fa="  خطای E21  ",
        body_fa="۱. دوشاخه را بکشید.\r\n۲. فیلتر را باز کنید.",
        audience="public",
        product_models=[washer_model],
        symptoms=[does_not_drain],
    )
    assert (article.status, article.author, article.title_fa) == ("draft", quality, "خطای E21")
    assert "\r" not in article.body_fa
    assert list(article.product_models.all()) == [washer_model]
    assert list(article.symptoms.all()) == [does_not_drain]
    assert LogEntry.objects.get_for_object(article).exists()


def test_publishing_records_the_reviewer_and_archiving_takes_it_back(write, quality):
    article = write(publish=False)
    article = services.article_publish(article=article, by=quality)
    assert article.status == "published" and article.reviewed_by == quality
    assert article.reviewed_at is not None
    with pytest.raises(ValidationError):
        services.article_publish(article=article, by=quality)
    article = services.article_archive(article=article, by=quality)
    assert article.status == "archived"
    with pytest.raises(ValidationError):
        services.article_archive(article=article, by=quality)
    assert services.article_publish(article=article, by=quality).status == "published"


@pytest.mark.parametrize(
    ("texts", "field"),
    [
        ({"title_en": "A title", "body_en": ""}, "body_en"),
        ({"title_it": "", "body_it": "Solo testo"}, "title_it"),
        ({}, "title_en"),
    ],
)
def test_each_language_needs_a_title_and_a_text(quality, texts, field):
    with pytest.raises(ValidationError) as error:
        services.article_create(by=quality, **texts)
    assert field in error.value.message_dict
    assert not Article.objects.exists()


def test_only_symptoms_describe_the_problem(quality, washers):
    defect = FailureCodeFactory(code="D09", level="defect", name_en="Drain pump fault")
    with pytest.raises(ValidationError) as error:
        services.article_create(by=quality, title_en="t", body_en="b", symptoms=[defect])
    assert "symptoms" in error.value.message_dict


def test_an_edit_keeps_a_published_article_published(write, quality, washers):
    article = write()
    article = services.article_update(
        article=article, by=quality, title_it="Pulire il filtro", body_it="1. Staccare la spina."
    )
    assert article.status == "published" and article.title_it == "Pulire il filtro"
    article = services.article_update(article=article, by=quality, categories=[washers])
    assert list(article.categories.all()) == [washers]
    assert article.title_it == "Pulire il filtro"  # lists not sent stay as they were


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.AGENT, Role.CUSTOMER, Role.DISPATCHER])
def test_only_writers_write(make_user, write, role):
    reader = make_user(role, username=f"reader-{role}")
    with pytest.raises(PermissionDenied):
        services.article_create(by=reader, title_en="t", body_en="b")
    with pytest.raises(PermissionDenied):
        services.article_archive(article=write(), by=reader)


@pytest.mark.parametrize("role", [Role.QUALITY, Role.MANAGER, Role.OPERATOR])
def test_writers(make_user, role):
    writer = make_user(role, username=f"writer-{role}")
    assert services.article_create(by=writer, title_en="t", body_en="b").author == writer
