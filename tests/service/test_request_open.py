"""Opening a request: number, required fields per type, agent, duplicate flag, SLA due times."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from aftersales.service.models import StatusChange

from .factories import open_request

pytestmark = pytest.mark.django_db
JULY = dt.datetime(2026, 7, 15, 6, 0, tzinfo=dt.UTC)  # a Wednesday, 09:30 in Tehran


def test_numbers_are_gap_free_and_the_opening_is_logged(operator, owner, owned_unit):
    first = open_request(by=operator, customer=owner, unit=owned_unit, at=JULY)
    second = open_request(by=operator, customer=owner, unit=None, code="support", at=JULY)
    assert first.number == "SR-2026-000001"
    assert second.number == "SR-2026-000002"
    change = StatusChange.objects.get(request=first)
    assert (change.from_status, change.to_status, change.by) == ("", "new", operator)


def test_a_repair_needs_its_unit_and_address(operator, owner):
    with pytest.raises(ValidationError) as error:
        open_request(by=operator, customer=owner, unit=None, address=None)
    assert set(error.value.message_dict) >= {"unit", "address"}


def test_support_needs_no_unit(operator, owner):
    request = open_request(by=operator, customer=owner, code="support")
    assert request.unit is None and request.warranty_covered is None


def test_someone_elses_unit_is_refused(operator, owner, strangers_unit):
    with pytest.raises(ValidationError) as error:
        open_request(by=operator, customer=owner, unit=strangers_unit)
    assert "unit" in error.value.message_dict


def test_the_units_agent_becomes_responsible(operator, owner, owned_unit, agent):
    assert open_request(by=operator, customer=owner, unit=owned_unit).agent == agent


def test_agent_staff_open_for_their_agent(agent_user, owner, owned_unit, agent):
    request = open_request(by=agent_user, customer=owner, unit=owned_unit)
    assert (request.agent, request.channel) == (agent, "agent")


def test_a_second_open_request_for_the_unit_is_flagged(operator, owner, owned_unit):
    first = open_request(by=operator, customer=owner, unit=owned_unit)
    second = open_request(by=operator, customer=owner, unit=owned_unit)
    assert first.duplicate_of is None
    assert second.duplicate_of == first


def test_sla_due_times_in_business_hours(operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit, at=JULY)
    assert request.calendar == "IR"
    # the unit's category peaks in summer: a repair is high priority, 8 hours to respond
    assert request.priority == 3
    local = request.response_due.astimezone(dt.timezone(dt.timedelta(hours=3, minutes=30)))
    # Wed 09:30 + 6h30 to 16:00, then 1h30 on Thursday: 09:30
    assert (local.day, local.hour, local.minute) == (16, 9, 30)
