"""The demo's articles load on the demo catalogue, in three languages, once."""

import pytest

from aftersales.core.choices import Role
from aftersales.demo.reference import load_reference
from aftersales.knowledge.demo import ARTICLES, load_demo
from aftersales.knowledge.models import Article

pytestmark = pytest.mark.django_db


def test_the_demo_articles(make_user):
    load_reference()
    make_user(Role.QUALITY, username="quality")
    load_demo()
    assert Article.objects.count() == len(ARTICLES)
    assert Article.objects.filter(status="published").count() == len(ARTICLES) - 1
    assert Article.objects.filter(audience="public").exclude(title_fa="").exists()
    assert all(a.product_models.exists() or a.categories.exists() for a in Article.objects.all())
    assert all(a.symptoms.exists() for a in Article.objects.all())
    load_demo()
    assert Article.objects.count() == len(ARTICLES)
