"""Bar: a seeded synthetic batch with a doubled failure rate is flagged, a normal one is not."""

import datetime as dt

import pytest

from aftersales.quality import rates, selectors, services
from aftersales.quality.choices import CapaSource, CapaStatus, GroupKind, WarningStatus
from aftersales.quality.models import CorrectiveAction, EarlyWarning

from .conftest import make_units, month_start, simulate_failures

ON = dt.date(2026, 6, 30)
HAZARD = 0.005  # 0.5 % of the units fail per month in service


def _fleet(model, rng, *, bad_batch=None, units=500):
    """Ten monthly batches of `units` units; `bad_batch` fails twice as often."""
    for i in range(10):
        produced = month_start(2024, 1 + i) + dt.timedelta(days=9)
        batch = f"B{i + 1:02d}"
        made = make_units(model, count=units, produced=produced, batch=batch, prefix=batch)
        hazard = HAZARD * (2 if batch == bad_batch else 1)
        simulate_failures(made, rng=rng, monthly_hazard=hazard, months=12, on=ON)


def test_the_batch_that_fails_twice_as_often_is_flagged(ac_model, rng):
    _fleet(ac_model, rng, bad_batch="B07")
    signals = selectors.detect(None, models=[ac_model], window=12, alpha=0.01, on=ON)
    flagged = {(s.kind, s.group) for s in signals if s.flagged}
    assert (GroupKind.BATCH, "B07") in flagged
    assert {group for kind, group in flagged if kind == GroupKind.BATCH} == {"B07"}
    # batch B07 is also the production month 2024-07, and only that month
    assert {group for kind, group in flagged if kind == GroupKind.MONTH} <= {"2024-07"}
    b07 = next(s for s in signals if s.group == "B07")
    assert 1.5 < b07.comparison.ratio < 3
    assert b07.comparison.x > b07.comparison.expected


def test_a_normal_fleet_raises_no_warning(ac_model, rng):
    _fleet(ac_model, rng, bad_batch=None)
    signals = selectors.detect(None, models=[ac_model], window=12, alpha=0.01, on=ON)
    assert len(signals) == 20  # ten batches and ten production months were tested
    assert not [s for s in signals if s.flagged]


def test_the_scan_opens_one_investigation_per_warning_and_not_twice(ac_model, rng, quality):
    _fleet(ac_model, rng, bad_batch="B03")
    raised = services.warning_scan(by=quality, on=ON, models=[ac_model])
    batches = [w for w in raised if w.group_kind == GroupKind.BATCH]
    assert [w.group for w in batches] == ["B03"]
    warning = batches[0]
    assert warning.status == WarningStatus.INVESTIGATING
    assert warning.claims > warning.expected
    capa = CorrectiveAction.objects.get(warning=warning)
    assert capa.source == CapaSource.EARLY_WARNING
    assert capa.status == CapaStatus.INVESTIGATING
    assert capa.product_model == ac_model
    assert capa.number.startswith("CAPA-")
    # a second scan finds the same group and does not raise it again
    assert services.warning_scan(by=quality, on=ON, models=[ac_model]) == []
    assert EarlyWarning.objects.filter(group="B03").count() == 1


def test_holm_keeps_the_family_wise_false_alarm_rate():
    """Under the null, p-values are uniform: with Holm at alpha, at most alpha of the scans
    raise any alarm (here 2,000 scans of 40 groups)."""
    import numpy as np

    rng = np.random.default_rng(3)
    scans_with_alarm = 0
    for _ in range(2000):
        adjusted = rates.holm(list(rng.uniform(size=40)))
        scans_with_alarm += min(adjusted) <= 0.01
    assert scans_with_alarm / 2000 <= 0.01 + 0.006


def test_the_exact_test_does_not_flag_a_small_excess():
    # 12 claims where 10 were expected at the rest's rate: not significant
    assert rates.compare(12, 1000, 100, 10_000).p_value > 0.2
    # 30 where 10 were expected: significant
    assert rates.compare(30, 1000, 100, 10_000).p_value < 1e-5


@pytest.mark.parametrize("kind", [GroupKind.BATCH, GroupKind.MONTH])
def test_exposure_counts_only_the_months_in_service_reached(ac_model, kind):
    make_units(ac_model, count=10, produced=dt.date(2026, 2, 1), batch="NEW")
    make_units(ac_model, count=10, produced=dt.date(2024, 2, 1), batch="OLD")
    groups = selectors.rates_by_group(None, product_model=ac_model, kind=kind, window=12, on=ON)
    by_size = sorted(g.unit_months for g in groups.values())
    # sold mid-February 2026: March..June reached by the end of June (4 months); the old ones 12
    assert by_size == [40.0, 120.0]


def test_the_nightly_command_and_task_scan(ac_model, rng):
    from io import StringIO

    from django.core.management import call_command

    from aftersales.quality.tasks import early_warning_scan

    for i, hazard in enumerate([0.01, 0.01, 0.01, 0.05]):
        made = make_units(
            ac_model, count=300, produced=dt.date(2024, 3, 5), batch=f"L{i}", prefix=f"L{i}-"
        )
        simulate_failures(made, rng=rng, monthly_hazard=hazard, months=12, on=ON)
    out = StringIO()
    call_command("quality_scan", stdout=out)
    assert "L3" in out.getvalue() and "1 new warnings." in out.getvalue()
    assert EarlyWarning.objects.get().group == "L3"
    assert early_warning_scan.enqueue().return_value == 0  # nothing new the second time


def test_scan_now_button(login, quality, ac_model, rng, make_user):
    _fleet(ac_model, rng, bad_batch="B05", units=300)
    assert (
        login(make_user("operator", username="op")).post("/quality/warnings/scan/").status_code
        == 404
    )
    client = login(quality)
    response = client.post("/quality/warnings/scan/", follow=True)
    html = response.content.decode()
    assert "an investigation was opened" in html
    assert "B05" in html


def test_the_nightly_scan_writes_in_the_language_of_the_quality_engineers(ac_model, rng, make_user):
    from aftersales.core.choices import Role

    make_user(Role.QUALITY, language="fa")
    make_user(Role.QUALITY, language="fa")
    make_user(Role.QUALITY, language="it")
    make_user(Role.OPERATOR, language="it")
    make_user(Role.OPERATOR, language="it")
    _fleet(ac_model, rng, bad_batch="B05")
    services.warning_scan(by=None, on=ON, models=[ac_model])
    capa = CorrectiveAction.objects.get(warning__group="B05")
    assert capa.title.startswith("نرخ ادعای B05")
    assert "ماه نخست کارکرد" in capa.problem
