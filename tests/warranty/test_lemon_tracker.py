"""The lemon tracker: the Nth repair of the same defect proposes a replacement."""

import datetime as dt
from decimal import Decimal

from aftersales.warranty import selectors, services
from tests.factories import FailureCodeFactory, UnitFactory


def test_the_third_repair_of_a_defect_proposes_a_replacement(
    ac_model, ac_policy, italian_owner, agent, manager, compatible_part
):
    services.guarantee_set(policy=ac_policy, kind="replace_repeat", repairs=3, by=None)
    unit = UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=dt.date.today() - dt.timedelta(days=300),
    )
    defect = FailureCodeFactory(code="D02", level="defect")
    for days_ago in (200, 120, 40):
        services.claim_submit(
            unit=unit,
            by=None,
            agent=agent,
            failure_date=dt.date.today() - dt.timedelta(days=days_ago),
            failure_codes=[defect],
            parts=[{"part": compatible_part, "amount": Decimal(100)}],
        )
        rows = selectors.unit_repairs(unit=unit)
    assert rows == [
        {
            "defect_key": str(defect.pk),
            "defect": "D02",
            "repairs": 3,
            "threshold": 3,
            "replace": True,
        }
    ]
    lemon = list(selectors.lemons(user=manager))
    assert lemon[0]["unit_id"] == unit.pk and lemon[0]["repairs"] == 3
