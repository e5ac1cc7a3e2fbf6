"""One response per invitation, through a one-time link without a login; scores validated and
stored in their own columns; conditional questions count only when shown; links expire."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from aftersales.surveys import services
from aftersales.surveys.models import Response

from .conftest import answers, invite

pytestmark = pytest.mark.django_db


def test_the_link_answers_once(after_visit, owner):
    owner.preferred_language = "en"
    owner.save()
    invitation = invite(after_visit, customer=owner)
    client = Client()
    url = invitation.public_path()
    page = client.get(url)
    assert page.status_code == 200
    assert "How likely are you to recommend us" in page.content.decode()
    posted = client.post(url, answers(after_visit, csat=5, nps=10, ces=7))
    assert posted.status_code == 302
    response = Response.objects.get()
    assert (response.csat, response.nps, response.ces) == (5, 10, 7)
    again = client.post(url, answers(after_visit, csat=1, nps=0))
    assert again.status_code == 409
    assert Response.objects.get().nps == 10  # the first answer stands
    assert 'id="thanks"' in client.get(url).content.decode()


def test_out_of_range_and_missing_answers_are_refused(after_visit, owner):
    owner.preferred_language = "en"
    owner.save()
    invitation = invite(after_visit, customer=owner)
    with pytest.raises(ValidationError) as error:
        services.response_submit(invitation=invitation, answers=answers(after_visit, csat=6))
    fields = error.value.message_dict
    q_csat, q_nps = [q.field_name for q in after_visit.questions.order_by("position")][:2]
    assert "from 1 to 5" in fields[q_csat][0]
    assert q_nps in fields  # required
    page = Client().post(invitation.public_path(), answers(after_visit, csat="x", nps=3))
    assert page.status_code == 400
    assert "Choose a number from 1 to 5." in page.content.decode()
    assert Response.objects.count() == 0


def test_a_conditional_question_counts_only_when_shown(after_visit, owner):
    invitation = invite(after_visit, customer=owner)
    response = services.response_submit(
        invitation=invitation, answers=answers(after_visit, csat=5, nps=9, better="ignored")
    )
    assert response.comment == ""
    assert len(response.answers) == 2


def test_an_expired_link_takes_nothing(after_visit, owner):
    invitation = invite(after_visit, customer=owner, at=timezone.now() - dt.timedelta(days=30))
    with pytest.raises(ValidationError):
        services.response_submit(invitation=invitation, answers=answers(after_visit, csat=5, nps=9))
    assert 'id="expired"' in Client().get(invitation.public_path()).content.decode()


def test_the_survey_speaks_the_customers_language(after_visit, owner):
    owner.preferred_language = "fa"
    owner.save()
    invitation = invite(after_visit, customer=owner)
    html = Client().get(invitation.public_path()).content.decode()
    assert 'dir="rtl"' in html
    assert "چقدر احتمال دارد" in html
    html = Client().get(invitation.public_path() + "?lang=it").content.decode()
    assert "Quanto è probabile" in html
