"""A contract's audit trail names its regions and cities as words, not as escaped JSON, and its
fields by their labels."""

import datetime as dt

import pytest

from aftersales.agents import services

pytestmark = pytest.mark.django_db


def test_the_contract_audit_lists_regions_and_cities_as_words(agent, agent_user, manager, login):
    contract = services.contract_create(
        agent=agent,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        regions=["تهران", "البرز"],
        cities=["کرج"],
        by=manager,
    )
    html = login(agent_user).get(f"/agents/contracts/{contract.pk}/").content.decode()
    audit = html[html.index('id="audit"') :]
    assert "تهران, البرز" in audit and "کرج" in audit
    assert "\\u" not in audit and "[&quot;" not in audit
