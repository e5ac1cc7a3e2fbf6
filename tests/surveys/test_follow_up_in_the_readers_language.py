"""A follow-up is opened in the language of the customer who answered; the person who calls
back reads why, and by which rule it came to them, in their own language and digits."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from aftersales.surveys import services as surveys
from aftersales.surveys.models import SurveyTemplate

pytestmark = pytest.mark.django_db


def _poor_answer(owner, agent):
    template = SurveyTemplate.objects.get(code="after-visit")
    invitation = surveys.invite(template=template, customer=owner, agent=agent)
    questions = list(template.questions.order_by("position"))
    with translation.override("it"):  # the customer answers in Italian
        return surveys.response_submit(
            invitation=invitation,
            answers={questions[0].field_name: "1", questions[1].field_name: "2"},
        )


def _latin_digits(html: str) -> list[str]:
    main = html[html.index("<main") :]
    if 'id="audit"' in main:  # the history shows what was stored, as it was stored
        main = main[: main.rindex("<", 0, main.index('id="audit"'))]
    main = re.sub(r"<(script|style)\b.*?</\1>", "", main, flags=re.S)
    main = re.sub(r"<bdi dir=\"ltr\">.*?</bdi>", "", main, flags=re.S)  # phones, codes
    text = re.sub(r"<[^>]+>", " ", main)
    return re.findall(r".{0,60}[0-9]+.{0,20}", text)


def test_a_persian_operator_reads_the_follow_up_in_persian(login, manager, owner, agent):
    follow_up = _poor_answer(owner, agent).follow_up
    manager.language = "fa"
    manager.save()
    client = login(manager)
    page = client.get(follow_up.get_absolute_url()).content.decode()
    with translation.override("fa"):
        reason = surveys.recovery_reason(follow_up.response)
    assert "۲" in reason and "2" not in reason
    assert f'<dd class="col-7">{reason}</dd>' in page  # not the Italian text it was stored with
    assert not _latin_digits(page), _latin_digits(page)
    listing = client.get(reverse("surveys:follow_ups")).content.decode()
    assert reason in listing
    assert not _latin_digits(listing), _latin_digits(listing)
    invitations = client.get(reverse("surveys:invitations")).content.decode()
    assert not _latin_digits(invitations), _latin_digits(invitations)


def test_an_english_reader_reads_it_in_english(login, manager, owner, agent):
    follow_up = _poor_answer(owner, agent).follow_up
    manager.language = "en"
    manager.save()
    page = login(manager).get(follow_up.get_absolute_url()).content.decode()
    assert "NPS 2 (detractor)" in page
    assert "the operators&#x27; queue" in page, page[page.index("<main") :]


def test_the_scores_by_month_are_named_in_the_readers_calendar(login, manager, owner, agent):
    _poor_answer(owner, agent)
    manager.language = "fa"
    manager.save()
    html = login(manager).get(reverse("surveys:dashboard")).content.decode()
    found = re.search(r'<script id="chart-nps" type="application/json">(.*?)</script>', html)
    labels = json.loads(found.group(1))["labels"]
    assert labels and all(re.fullmatch(r"[\u06f0-\u06f9]{4}/[\u06f0-\u06f9]{2}", x) for x in labels)


def test_an_invitation_and_the_templates_in_persian_digits(login, manager, owner, agent):
    invitation = _poor_answer(owner, agent).invitation
    manager.language = "fa"
    manager.save()
    client = login(manager)
    detail = client.get(invitation.get_absolute_url()).content.decode()
    title = re.search(r"<h1[^>]*>(.*?)</h1>", detail, flags=re.S).group(1)
    assert not re.search(r"[0-9]", title), title
    templates = client.get(reverse("surveys:templates")).content.decode()
    assert not _latin_digits(templates), _latin_digits(templates)
