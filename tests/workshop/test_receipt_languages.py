"""The intake receipt is printed in any language the site offers (settings.LANGUAGES), and in
the customer's own when asked for one it does not offer."""

import pytest

from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_a_language_the_site_offers(login, operator, received, tmp_path):
    response = login(operator).get(f"/workshop/jobs/{received.pk}/receipt/?language=it")
    assert "Ricevuta di accettazione in laboratorio" in pdf_text(response.content, tmp_path)


def test_a_language_the_site_does_not_offer(login, operator, received, owner, settings, tmp_path):
    owner.preferred_language = "en"
    owner.save()
    settings.LANGUAGES = [("fa", "Persian"), ("en", "English")]
    response = login(operator).get(f"/workshop/jobs/{received.pk}/receipt/?language=it")
    assert response.status_code == 200
    assert "Workshop intake receipt" in pdf_text(response.content, tmp_path)  # the customer's
