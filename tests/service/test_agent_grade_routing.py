"""An agent's grade decides which work it may take: the desk routes the rest to the maker."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from aftersales.agents.models import Grade
from aftersales.agents.services.grading import grade_assign

from .factories import open_request

pytestmark = pytest.mark.django_db
JULY = dt.datetime(2026, 7, 15, 6, 0, tzinfo=dt.UTC)


@pytest.fixture
def grade_c_without_air_conditioners(agent, air_conditioner, manager):
    """Grade C allows only washing machines; the agent holds it from June."""
    from tests.factories import CategoryFactory

    washing = CategoryFactory(code="wm", name_en="Washing machines")
    grade = Grade.objects.create(code="C-test", name="C", rank=99, min_score=0)
    grade.categories.set([washing])
    grade_assign(agent=agent, grade=grade, valid_from=dt.date(2026, 6, 1), by=manager)
    return grade


def test_the_unit_agent_takes_the_work_its_grade_allows(operator, owner, air_conditioner, agent):
    request = open_request(by=operator, customer=owner, unit=air_conditioner, at=JULY)
    assert request.agent == agent


def test_work_the_grade_does_not_allow_goes_to_the_makers_desk(
    operator, owner, air_conditioner, grade_c_without_air_conditioners
):
    request = open_request(by=operator, customer=owner, unit=air_conditioner, at=JULY)
    assert request.agent is None


def test_before_the_grade_started_the_agent_still_took_it(
    operator, owner, air_conditioner, agent, grade_c_without_air_conditioners
):
    may = dt.datetime(2026, 5, 20, 6, 0, tzinfo=dt.UTC)
    request = open_request(by=operator, customer=owner, unit=air_conditioner, at=may)
    assert request.agent == agent


def test_the_agents_staff_cannot_open_it_and_are_told_why(
    agent_user, owner, air_conditioner, grade_c_without_air_conditioners
):
    with pytest.raises(ValidationError) as error:
        open_request(by=agent_user, customer=owner, unit=air_conditioner, at=JULY)
    assert "grade C-test" in str(error.value.message_dict["service_type"])
