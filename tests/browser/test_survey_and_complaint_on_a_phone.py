"""On a phone: a Persian customer answers the survey (the conditional question appears only for
a detractor) and a follow-up is opened; someone without a login complains and tracks it."""

import importlib

import pytest
from django.apps import apps

from aftersales.complaints.models import Complaint
from aftersales.surveys import services
from aftersales.surveys.models import FollowUp, SurveyTemplate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def after_visit(db):
    """A transactional test empties the tables after itself: load the shipped surveys again."""
    importlib.import_module("aftersales.surveys.migrations.0002_default_templates").load(apps, None)
    return SurveyTemplate.objects.get(code="after-visit")


def test_a_detractor_answers_on_a_phone_in_persian(page, after_visit, owner, operator):
    owner.preferred_language = "fa"
    owner.save()
    invitation = services.invite(template=after_visit, customer=owner)
    page.set_viewport_size(PHONE)
    page.goto(invitation.public_path())
    assert page.locator("html").get_attribute("dir") == "rtl"
    questions = list(after_visit.questions.order_by("position"))
    csat, nps, _ces, better = (q.field_name for q in questions[:4])
    assert page.locator(f"#block-{better}").is_hidden()  # conditional: not yet
    page.click(f"label[for={csat}-1]")
    page.click(f"label[for={nps}-3]")
    assert page.locator(f"#block-{better}").is_visible()  # a detractor is asked why
    page.fill(f"textarea[name={better}]", "دیر آمدند")
    # the page fits the phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        page.click("#survey button[type=submit]")
    assert page.locator("#thanks").is_visible()
    follow_up = FollowUp.objects.get()
    assert follow_up.assignee == operator
    assert follow_up.response.comment == "دیر آمدند"


def test_someone_complains_without_a_login_and_follows_it(page):
    page.set_viewport_size(PHONE)
    page.goto("/complaints/submit/")
    page.fill("#id_contact_name", "Mina")
    page.fill("#id_contact_phone", "0912 123 4567")
    page.fill("#id_subject", "No one came")
    page.fill("#id_description", "I waited all day.")
    page.select_option("#id_remedy_sought", "apology")
    with page.expect_navigation():
        page.click("#complaint-form button[type=submit]")
    complaint = Complaint.objects.get()
    assert complaint.contact_phone == "+989121234567"
    assert complaint.code in page.locator("#sent").inner_text()
    assert "Received" in page.locator("#stage").inner_text()
    assert "Mina" not in page.content()
