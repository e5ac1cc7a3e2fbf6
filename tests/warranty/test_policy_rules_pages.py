"""On a policy's page, managers and quality engineers set part rules and guarantees."""

import pytest

from aftersales.core.choices import Role


def test_a_manager_covers_the_compressor_for_60_months(login, manager, ac_policy, compatible_part):
    client = login(manager)
    response = client.post(
        f"/warranty/policies/{ac_policy.pk}/parts/",
        {"part": compatible_part.pk, "months": "60", "pct": "100", "payer": "supplier"},
    )
    assert response.status_code == 302
    override = ac_policy.part_overrides.get()
    assert (override.months, override.payer) == (60, "supplier")
    assert compatible_part.sku in client.get(f"/warranty/policies/{ac_policy.pk}/").content.decode()


def test_a_guarantee_needs_its_number(login, make_user, ac_policy):
    client = login(make_user(Role.QUALITY))
    path = f"/warranty/policies/{ac_policy.pk}/guarantees/"
    assert client.post(path, {"kind": "extend_repair"}).status_code == 400
    assert client.post(path, {"kind": "extend_repair", "working_days": "7"}).status_code == 302
    assert ac_policy.guarantees.get().working_days == 7


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.AGENT, Role.FINANCE])
def test_others_cannot_set_rules(login, make_user, ac_policy, compatible_part, role):
    client = login(make_user(role))
    response = client.post(
        f"/warranty/policies/{ac_policy.pk}/parts/",
        {"part": compatible_part.pk, "months": "60", "pct": "100", "payer": "maker"},
    )
    assert response.status_code == 404
    assert not ac_policy.part_overrides.exists()
    page = client.get(f"/warranty/policies/{ac_policy.pk}/").content.decode()
    assert 'id="part-form"' not in page
