"""Every page of complaints and surveys renders in Persian (RTL, Jalali dates, Persian digits)."""

import pytest
from django.urls import reverse

from aftersales.surveys import services as surveys
from aftersales.surveys.models import SurveyTemplate

from .conftest import answered, receive

pytestmark = pytest.mark.django_db


def test_the_pages_in_persian(login, make_user, manager, operator, owner, agent):
    manager.language = "fa"
    manager.save()
    complaint = answered(complaint=receive(by=operator, customer=owner), by=operator)
    template = SurveyTemplate.objects.get(code="after-visit")
    invitation = surveys.invite(template=template, customer=owner, agent=agent)
    questions = list(template.questions.order_by("position"))
    response = surveys.response_submit(
        invitation=invitation, answers={questions[0].field_name: "1", questions[1].field_name: "2"}
    )
    client = login(manager)
    for url in (
        reverse("complaints:list"),
        complaint.get_absolute_url(),
        reverse("complaints:analysis"),
        reverse("complaints:deadlines"),
        reverse("complaints:create"),
        reverse("surveys:dashboard"),
        reverse("surveys:invitations"),
        invitation.get_absolute_url(),
        reverse("surveys:follow_ups"),
        response.follow_up.get_absolute_url(),
        reverse("surveys:templates"),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert 'dir="rtl"' in html, url
    detail = client.get(complaint.get_absolute_url()).content.decode()
    assert "۱۴۰۴" in detail  # received 2026-03-01: Esfand 1404 in the Jalali calendar
