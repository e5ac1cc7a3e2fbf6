"""Priority from type x season x tier x age: a summer air conditioner outranks a mixer."""

import datetime as dt

import pytest

from aftersales.service.choices import Priority

from .factories import open_request

pytestmark = pytest.mark.django_db
JULY = dt.datetime(2026, 7, 15, 6, 0, tzinfo=dt.UTC)
JANUARY = dt.datetime(2026, 1, 14, 6, 0, tzinfo=dt.UTC)


def test_air_conditioner_in_summer_outranks_food_processor(
    operator, owner, air_conditioner, food_processor
):
    ac = open_request(by=operator, customer=owner, unit=air_conditioner, at=JULY)
    fp = open_request(by=operator, customer=owner, unit=food_processor, at=JULY)
    assert ac.priority == Priority.HIGH
    assert fp.priority == Priority.NORMAL
    assert ac.priority_score > fp.priority_score


def test_the_same_air_conditioner_in_winter_is_normal(operator, owner, air_conditioner):
    assert open_request(by=operator, customer=owner, unit=air_conditioner, at=JANUARY).priority == (
        Priority.NORMAL
    )


def test_a_gold_customer_in_summer_is_urgent(operator, owner, air_conditioner):
    owner.tier = "gold"
    owner.save()
    assert open_request(by=operator, customer=owner, unit=air_conditioner, at=JULY).priority == (
        Priority.URGENT
    )


def test_training_weighs_less(operator, owner):
    request = open_request(by=operator, customer=owner, code="consultation", at=JULY)
    assert request.priority == Priority.LOW
