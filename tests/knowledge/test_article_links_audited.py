"""Adding or removing related records (an article's symptoms, a technician's skills) is in the
history of changes: which records, added or removed, in the reader's page."""

import pytest
from auditlog.models import LogEntry
from django.utils import translation

from aftersales.core.templatetags.audit import changes_shown
from aftersales.knowledge import services

pytestmark = pytest.mark.django_db


def _rows(article):
    entries = LogEntry.objects.get_for_object(article).order_by("pk")
    return [row for entry in entries for row in changes_shown(entry)]


def test_an_articles_symptoms_added_and_removed_are_in_its_history(quality, does_not_drain, noise):
    article = services.article_create(
        by=quality, title_en="Drain", body_en="Open the filter.", symptoms=[does_not_drain]
    )
    services.article_update(article=article, by=quality, symptoms=[noise])
    with translation.override("en"):
        rows = _rows(article)
    symptoms = [(before, after) for label, before, after in rows if label == "symptoms"]
    assert ("—", str(does_not_drain)) in symptoms  # added at creation
    assert (str(does_not_drain), "—") in symptoms  # removed by the update
    assert ("—", str(noise)) in symptoms


def test_the_articles_page_shows_the_change(quality, does_not_drain, noise, login):
    article = services.article_create(
        by=quality, title_en="Drain", body_en="Open the filter.", symptoms=[does_not_drain]
    )
    services.article_update(article=article, by=quality, symptoms=[noise])
    page = login(quality).get(f"/knowledge/{article.pk}/")
    assert page.status_code == 200
    assert str(noise) in page.content.decode()
