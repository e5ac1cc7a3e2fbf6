"""The bar: for a fixture quarter of jobs, an agent's KPIs and grade equal the values computed by
hand. The quarter is Q1 2026 (1 January - 31 March), Tehran time."""

import datetime as dt
from decimal import Decimal

import pytest

from aftersales.agents import services
from aftersales.agents.models import Grade, ScorecardMetric
from aftersales.agents.selectors import grade_on
from tests.factories import AgentFactory, PartFactory, TechnicianFactory, UnitFactory

from .conftest import at, make_request, make_visit

START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)


@pytest.fixture
def quarter(agent, other_agent, service_type, manager, network_defaults):
    """Ten jobs of `agent` opened in the quarter, one visit each, and around them everything that
    must not count: jobs outside the quarter, a cancelled job, another agent's jobs."""
    units = [UnitFactory(service_agent=agent) for _ in range(10)]
    technician = TechnicianFactory(agent=agent, is_active=False)  # left since: not certified
    elsewhere = TechnicianFactory(agent=other_agent)
    # ftf: 6 yes, 2 no, 2 unknown; SLA: 9 of 10 resolved by their deadline
    ftf = [True, True, True, True, True, True, False, False, None, None]
    jobs = []
    for i, unit in enumerate(units):
        opened = at(2026, 2, 1 + i)
        resolved = opened + dt.timedelta(days=2)
        due = resolved + dt.timedelta(hours=-1 if i == 9 else 5)  # job 9 is late
        job = make_request(
            agent=agent,
            unit=unit,
            service_type=service_type,
            opened=opened,
            resolved=resolved,
            due=due,
            ftf=ftf[i],
        )
        make_visit(request=job, technician=technician, start=opened + dt.timedelta(days=1))
        jobs.append(job)
    # repeat visits: unit 0 visited again within 30 days (counts, even by another agent); unit 1
    # visited again after 40 days (does not count); unit 2's second visit was cancelled
    for unit, days, status in (
        (units[0], 20, "planned"),
        (units[1], 40, "planned"),
        (units[2], 10, "cancelled"),
    ):
        first = jobs[units.index(unit)].visits.get().window_start
        again = make_request(
            agent=other_agent,
            unit=unit,
            service_type=service_type,
            opened=first + dt.timedelta(days=days - 1),
        )
        make_visit(
            request=again,
            technician=elsewhere,
            start=first + dt.timedelta(days=days),
            status=status,
        )
    # not jobs of the quarter: opened before or after it, cancelled
    outside = UnitFactory(service_agent=agent)
    for opened in (at(2025, 12, 31, 23), at(2026, 4, 1, 0)):
        make_request(
            agent=agent,
            unit=outside,
            service_type=service_type,
            opened=opened,
            resolved=opened + dt.timedelta(hours=3),
            due=opened + dt.timedelta(hours=1),
            ftf=False,
        )
    make_request(
        agent=agent,
        unit=outside,
        service_type=service_type,
        opened=at(2026, 2, 1),
        status="cancelled",
    )
    _surveys(agent, other_agent)
    _complaints(agent, other_agent)
    _claims(agent, units)
    _part_returns(agent, manager)
    _technicians(agent)
    return jobs


def _surveys(agent, other_agent):
    from aftersales.surveys.models import Invitation, Response, SurveyTemplate

    template = SurveyTemplate.objects.create(
        code="agents-test-survey", name_en="Test survey", trigger="manual"
    )
    answers = [
        (agent, at(2026, 1, 10), 5, 10),
        (agent, at(2026, 2, 10), 4, 9),
        (agent, at(2026, 3, 10), 4, 7),
        (agent, at(2026, 3, 20), 3, 3),
        (agent, at(2026, 4, 2), 1, 0),  # after the quarter
        (other_agent, at(2026, 2, 10), 1, 0),  # another agent's
    ]
    for n, (who, when, csat, nps) in enumerate(answers):
        invitation = Invitation.objects.create(
            template=template,
            token=f"token-{n}",
            agent=who,
            sent_at=when - dt.timedelta(days=1),
            expires_at=when + dt.timedelta(days=7),
        )
        Response.objects.create(invitation=invitation, submitted_at=when, csat=csat, nps=nps)


def _complaints(agent, other_agent):
    from aftersales.complaints.models import Complaint

    for n, (who, when) in enumerate(
        [(agent, at(2026, 3, 1)), (agent, at(2025, 12, 1)), (other_agent, at(2026, 3, 1))]
    ):
        Complaint.objects.create(
            code=f"CMP-T-{n}",
            received_at=when,
            channel="phone",
            subject="Late",
            description="The technician came late",
            remedy_sought="repair",
            agent=who,
        )


def _claims(agent, units):
    from aftersales.warranty.models import Claim

    decisions = [
        ("approved", at(2026, 1, 15)),
        ("partly", at(2026, 2, 15)),
        ("approved", at(2026, 3, 15)),
        ("rejected", at(2026, 3, 16)),
        ("rejected", at(2026, 4, 15)),  # decided after the quarter
        ("submitted", None),  # not decided yet
    ]
    for n, (status, decided) in enumerate(decisions):
        Claim.objects.create(
            number=f"CLM-T-{n}",
            unit=units[n],
            agent=agent,
            failure_date=dt.date(2026, 1, 5),
            status=status,
            decided_at=decided,
        )


def _part_returns(agent, manager):
    from aftersales.parts.models import DefectiveReturn, Warehouse

    own = Warehouse.objects.create(code="W-AG", name="Agent store", kind="agent", agent=agent)
    technician = TechnicianFactory(agent=agent, is_active=False)  # left: not counted
    van = Warehouse.objects.create(code="W-VAN", name="Van", kind="van", technician=technician)
    central = Warehouse.objects.create(code="W-C", name="Central", kind="central")
    part = PartFactory()
    shipments = [
        (own, at(2026, 1, 10), 3),
        (own, at(2026, 2, 10), 14),
        (van, at(2026, 3, 1), 1),
        (van, at(2026, 3, 5), 20),  # late
        (own, at(2025, 12, 20), 40),  # before the quarter
    ]
    for n, (source, authorized, days) in enumerate(shipments):
        DefectiveReturn.objects.create(
            number=f"RMA-T-{n}",
            source=source,
            destination=central,
            part=part,
            authorized_by=manager,
            authorized_at=authorized,
            shipped_at=authorized + dt.timedelta(days=days),
            status="shipped",
        )


def _technicians(agent):
    from aftersales.workforce.models import Certification, Qualification

    gas = Qualification.objects.create(name="Refrigerant handling")
    valid, forever, expired, none = (TechnicianFactory(agent=agent) for _ in range(4))
    issued = dt.date(2025, 1, 1)
    Certification.objects.create(
        technician=valid, qualification=gas, issued_on=issued, expires_on=dt.date(2026, 12, 31)
    )
    Certification.objects.create(technician=forever, qualification=gas, issued_on=issued)
    Certification.objects.create(
        technician=expired, qualification=gas, issued_on=issued, expires_on=dt.date(2026, 3, 1)
    )


HAND = {
    "first_time_fix_rate": Decimal("0.75"),  # 6 of the 8 known
    "sla_compliance": Decimal("0.9"),  # 9 of 10
    "repeat_visit_rate": Decimal("0.1"),  # unit 0's visit of 10
    "csat": Decimal("0.75"),  # 3 of the 4 answers score 4 or 5
    "nps": Decimal("25"),  # (2 promoters - 1 detractor) / 4
    "complaints_per_100_jobs": Decimal("10"),  # 1 complaint / 10 jobs
    "claim_rejection_rate": Decimal("0.25"),  # 1 of 4 decided
    "part_return_compliance": Decimal("0.75"),  # 3 of 4 shipped within 14 days
    "certified_share": Decimal("0.5"),  # 2 of 4 active technicians
}


def test_the_agents_kpis_for_the_quarter_equal_the_hand_count(quarter, agent, manager):
    card = services.scorecard_compute(agent=agent, start=START, end=END, by=manager)
    assert card.jobs == 10
    assert {key: card.value_of(key) for key in HAND} == HAND


def test_the_score_and_grade_equal_the_hand_computation(quarter, agent, manager):
    card = services.scorecard_compute(agent=agent, start=START, end=END, by=manager)
    # points (0..1) between the shipped "zero at" and "full at" values, times the weights
    points = {
        "first_time_fix_rate": (Decimal("0.75") - Decimal("0.5")) / Decimal("0.4"),  # 0.625
        "sla_compliance": Decimal("0.8571"),  # (0.9 - 0.6) / 0.35, to 4 places
        "csat": (Decimal("0.75") - Decimal("0.5")) / Decimal("0.4"),  # 0.625
        "nps": Decimal("0.4167"),  # 25 / 60
        "repeat_visit_rate": Decimal("0.6667"),  # (0.1 - 0.2) / (0.05 - 0.2)
        "complaints_per_100_jobs": Decimal(0),  # 10 is worse than the zero-points 5
        "claim_rejection_rate": Decimal("0.2"),  # (0.25 - 0.3) / (0.05 - 0.3)
        "part_return_compliance": Decimal("0.5"),  # (0.75 - 0.5) / 0.5
        "certified_share": Decimal("0.2857"),  # (0.5 - 0.3) / 0.7
    }
    weights = {
        "first_time_fix_rate": 20,
        "sla_compliance": 20,
        "csat": 10,
        "nps": 5,
        "repeat_visit_rate": 10,
        "complaints_per_100_jobs": 10,
        "claim_rejection_rate": 10,
        "part_return_compliance": 10,
        "certified_share": 5,
    }
    by_hand = sum(points[k] * weights[k] for k in points)  # 53.0705 of 100
    assert {k: Decimal(v) for k, v in card.points.items()} == points
    assert card.score == Decimal("53.07") == by_hand.quantize(Decimal("0.01"))
    assert card.grade.code == "C"  # B needs 60

    services.grade_assign(
        agent=agent, grade=card.grade, valid_from=dt.date(2026, 4, 1), by=manager, scorecard=card
    )
    assert grade_on(agent, dt.date(2026, 4, 1)).code == "C"
    assert grade_on(agent, dt.date(2026, 3, 31)) is None


def test_weights_and_thresholds_are_configurable(quarter, agent, manager):
    # complaints stop counting and B is reached from 55: the same quarter now grades B
    ScorecardMetric.objects.filter(metric="complaints_per_100_jobs").update(is_active=False)
    Grade.objects.filter(code="B").update(min_score=Decimal(55))
    card = services.scorecard_compute(agent=agent, start=START, end=END, by=manager)
    # 53.0705 points of the 90 weights left
    assert card.score == (Decimal("53.0705") * 100 / 90).quantize(Decimal("0.01"))  # 58.97
    assert card.grade.code == "B"
    assert "complaints_per_100_jobs" not in card.points


def test_an_agent_with_no_jobs_has_no_score_and_no_grade(network_defaults, manager):
    lonely = AgentFactory()
    card = services.scorecard_compute(agent=lonely, start=START, end=END, by=manager)
    assert card.jobs == 0 and card.score is None and card.grade is None
    assert all(value is None for value in card.values.values())
