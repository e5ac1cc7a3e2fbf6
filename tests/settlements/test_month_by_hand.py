"""The bar: one agent's settlement for a fixture month equals the figure computed by hand."""

import datetime as dt
from decimal import Decimal

from aftersales.settlements import services
from aftersales.settlements.choices import LineKind, SettlementStatus

from .conftest import MEHR_1405, SHAHRIVAR_1405


def test_mehr_1405_settlement_equals_the_hand_computation(
    agent, other_agent, manager, finance, fan, capacitor, grade_a, claim_for, sell_to_agent
):
    start, end = MEHR_1405
    # Shahrivar: one claim of 600,000 labour + 200,000 travel, with the grade's 2.5 % bonus
    # (20,000): 820,000; the agent was paid 500,000 of it, so 320,000 is carried into Mehr.
    claim_for(
        decided=dt.date(2026, 9, 1), failure=dt.date(2026, 8, 28), labour=600_000, travel=200_000
    )
    previous = services.settlement_draft(
        agent=agent, by=finance, period_start=SHAHRIVAR_1405[0], period_end=SHAHRIVAR_1405[1]
    )
    assert previous.total == Decimal(820_000)
    previous = services.settlement_approve(settlement=previous, by=manager)
    services.payment_record(
        settlement=previous, by=finance, amount=Decimal(500_000), paid_on=dt.date(2026, 9, 30)
    )

    # Mehr's records.
    # A: fully approved; its fan (claimed 1,000,000) is paid at the agent price on the repair
    #    day, 28 September: 900,000.
    claim_a = claim_for(
        decided=dt.date(2026, 9, 29),
        failure=dt.date(2026, 9, 28),
        labour=500_000,
        travel=200_000,
        parts=[(fan, 1, 1_000_000)],
    )
    # B: partly approved: two fans (claimed 2,000,000) at the agent price on 5 October, 950,000
    #    each; the capacitor fits no air conditioner and is refused.
    claim_b = claim_for(
        decided=dt.date(2026, 10, 6),
        failure=dt.date(2026, 10, 5),
        labour=300_005,
        travel=150_000,
        parts=[(fan, 2, 2_000_000), (capacitor, 1, 400_000)],
    )
    assert claim_a.status == "approved" and claim_b.status == "partly"
    # Not in Mehr: decided after the month, rejected, or another agent's.
    claim_for(decided=dt.date(2026, 10, 25), failure=dt.date(2026, 10, 20), labour=90_000, travel=0)
    rejected = claim_for(
        decided=dt.date(2026, 10, 1),
        failure=dt.date(2026, 10, 1),
        labour=70_000,
        travel=0,
        causes=["misuse"],
    )
    assert rejected.status == "rejected"
    claim_for(
        decided=dt.date(2026, 10, 2),
        failure=dt.date(2026, 10, 2),
        labour=80_000,
        travel=0,
        of=other_agent,
    )
    # Parts the agent bought: 3 capacitors at 120,000 on 10 October; 1 after the month.
    sell_to_agent(part=capacitor, quantity=3, day=dt.date(2026, 10, 10))
    sell_to_agent(part=capacitor, quantity=1, day=dt.date(2026, 10, 30))

    settlement = services.settlement_draft(agent=agent, by=finance)
    assert (settlement.period_start, settlement.period_end) == (start, end)
    services.adjustment_add(
        settlement=settlement, by=finance, amount=Decimal(-45_000), reason="Late parts return"
    )
    settlement.refresh_from_db()

    # By hand:
    carried = (800_000 + 20_000) - 500_000  # 320,000
    a = 500_000 + 200_000 + 1 * 900_000  # 1,600,000
    b = 300_005 + 150_000 + 2 * 950_000  # 2,350,005
    bought = -(3 * 120_000)  # -360,000
    # grade T1: +2.5 % of Mehr's approved labour and travel (500,000 + 200,000 + 300,005 +
    # 150,000 = 1,150,005) = 28,750.125, rounded to the rial: 28,750
    grade = 28_750
    adjustment = -45_000
    by_hand = carried + a + b + bought + grade + adjustment
    assert by_hand == 3_893_755

    assert settlement.total == Decimal(by_hand)
    lines = {(line.kind, line.reference): line for line in settlement.lines.all()}
    assert lines[(LineKind.CARRIED, previous.number)].amount == carried
    line_a = lines[(LineKind.CLAIM, claim_a.number)]
    assert (line_a.labour, line_a.travel, line_a.parts, line_a.amount) == (
        500_000,
        200_000,
        900_000,
        a,
    )
    line_b = lines[(LineKind.CLAIM, claim_b.number)]
    assert (line_b.labour, line_b.travel, line_b.parts, line_b.amount) == (
        300_005,
        150_000,
        1_900_000,
        b,
    )
    assert sum(line.amount for line in settlement.lines.filter(kind=LineKind.PURCHASE)) == bought
    grade_line = lines[(LineKind.GRADE, "T1")]
    assert (grade_line.base, grade_line.amount) == (1_150_005, grade)
    assert settlement.lines.count() == 6

    approved = services.settlement_approve(settlement=settlement, by=manager)
    assert approved.status == SettlementStatus.APPROVED
    assert approved.number.startswith("ST-")
    previous.refresh_from_db()
    assert previous.status == SettlementStatus.CARRIED
    assert previous.carried_to == approved
    assert previous.open_amount == 0
    assert approved.open_amount == Decimal(by_hand)
