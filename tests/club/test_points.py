"""The customer club: points earned once for a confirmed registration and an answered survey,
spent or given by the desk with a reason, never below zero; each customer sees only their own."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.club import services
from aftersales.club.models import EarningRule, PointsEntry
from aftersales.core.choices import Role
from aftersales.surveys import services as surveys
from aftersales.surveys.models import SurveyTemplate
from aftersales.units.models import Registration
from tests.factories import ProductModelFactory
from tests.portal.test_registration import submit

pytestmark = pytest.mark.django_db


def test_a_confirmed_registration_earns_points_once(owner, operator, login):
    submit(login(owner.user), ProductModelFactory())
    registration = Registration.objects.get()
    assert services.balance(owner) == 0  # not before it is confirmed
    login(operator).post(f"/units/registrations/{registration.pk}/", {"action": "confirm"})
    entry = PointsEntry.objects.get()
    assert (entry.customer, entry.event, entry.points) == (owner, "registration", 100)
    assert entry.reference == registration.number
    again = services.award(customer=owner, event="registration", reference=registration.number)
    assert again is None and services.balance(owner) == 100


def test_an_answered_survey_earns_the_rules_points(owner):
    EarningRule.objects.filter(event="survey").update(points=30)
    template = SurveyTemplate.objects.get(code="after-visit")
    invitation = surveys.invite(template=template, customer=owner)
    answers = {q.field_name: "5" for q in template.questions.filter(kind="csat")}
    answers |= {q.field_name: "9" for q in template.questions.filter(kind="nps")}
    surveys.response_submit(invitation=invitation, answers=answers)
    assert services.balance(owner) == 30
    assert PointsEntry.objects.get().reference == str(invitation.pk)  # never the secret token


def test_an_inactive_rule_earns_nothing(owner):
    EarningRule.objects.filter(event="registration").update(is_active=False)
    assert services.award(customer=owner, event="registration", reference="REG-1") is None
    assert services.balance(owner) == 0


def test_the_desk_redeems_points_but_never_below_zero(owner, operator):
    services.award(customer=owner, event="registration", reference="REG-1")
    services.adjust(customer=owner, points=-60, reason="Cinema tickets", by=operator)
    assert services.balance(owner) == 40
    with pytest.raises(ValidationError) as error:
        services.adjust(customer=owner, points=-41, reason="A mug", by=operator)
    assert error.value.message_dict["points"] == ["The customer has only 40 points."]
    with pytest.raises(ValidationError) as error:
        services.adjust(customer=owner, points=0, reason=" ", by=operator)
    assert set(error.value.message_dict) == {"points", "reason"}
    assert services.balance(owner) == 40


def test_only_the_desk_adjusts(owner, make_user):
    with pytest.raises(PermissionDenied):
        services.adjust(customer=owner, points=10, reason="Gift", by=make_user(Role.FINANCE))


def test_the_portal_shows_only_the_customers_own_points(owner, stranger, login):
    services.award(customer=owner, event="registration", reference="REG-OWNER")
    services.award(customer=stranger, event="registration", reference="REG-STRANGER")
    services.adjust(customer=stranger, points=-100, reason="Stranger's reward", by=None)
    page = login(owner.user).get("/club/").content.decode()
    assert 'id="club-balance">100 ' in page and "REG-OWNER" in page
    assert "REG-STRANGER" not in page and "Stranger&#x27;s reward" not in page
    assert "Product registered" in page and "+50" in page  # how to earn: the survey's rule


def test_the_portal_page_in_persian(owner, login):
    owner.user.language = "fa"
    owner.user.save()
    services.award(customer=owner, event="registration", reference="REG-1")
    client = login(owner.user)
    client.cookies["django_language"] = "fa"
    page = client.get("/club/", HTTP_ACCEPT_LANGUAGE="fa").content.decode()
    assert "۱۰۰" in page


def test_staff_adjust_on_the_customers_page(owner, operator, login):
    services.award(customer=owner, event="registration", reference="REG-1")
    client = login(operator)
    detail = client.get(f"/customers/{owner.pk}/").content.decode()
    assert 'id="club-card"' in detail and f"/club/customers/{owner.pk}/adjust/" in detail
    url = f"/club/customers/{owner.pk}/adjust/"
    refused = client.post(url, {"points": "-500", "reason": "Blender"})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "The customer has only 100 points." in page and 'value="Blender"' in page
    done = client.post(url, {"points": "-۸۰", "reason": "Blender"})  # Persian digits
    assert done.status_code == 302 and done.url == f"/customers/{owner.pk}/"
    assert services.balance(owner) == 20
    entry = PointsEntry.objects.get(event="adjustment")
    assert (entry.created_by, entry.reason) == (operator, "Blender")


def test_a_customer_cannot_adjust_nor_reach_another_customers_form(owner, stranger, login):
    client = login(owner.user)
    assert client.get(f"/club/customers/{owner.pk}/adjust/").status_code == 404
    assert client.post(f"/club/customers/{stranger.pk}/adjust/", {"points": 5}).status_code == 404
    assert not PointsEntry.objects.exists()
