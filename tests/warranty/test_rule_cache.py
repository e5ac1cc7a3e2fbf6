"""The rules are cached in the process, and a change to any of them is seen at once."""

import datetime as dt

from aftersales.warranty import services
from aftersales.warranty.coverage import coverage_for
from tests.factories import UnitFactory


def test_a_changed_policy_decides_the_next_question(ac_model, ac_policy, italian_owner):
    unit = UnitFactory(product_model=ac_model, owner=italian_owner, sale_date=dt.date(2025, 1, 15))
    on = dt.date(2026, 6, 1)
    assert not coverage_for(unit=unit, on=on).covered
    services.policy_update(policy=ac_policy, by=None, months=24)
    assert coverage_for(unit=unit, on=on).covered
    services.legal_minimum_set(by=None, country="IT", months=36)
    services.policy_update(policy=ac_policy, by=None, months=6)
    decision = coverage_for(unit=unit, on=on)
    assert decision.lines[0].rule == "legal_minimum"


def test_a_decision_is_deterministic(ac_model, ac_policy, italian_owner):
    unit = UnitFactory(product_model=ac_model, owner=italian_owner, sale_date=dt.date(2025, 1, 15))
    first = coverage_for(unit=unit, on=dt.date(2025, 3, 1))
    second = coverage_for(unit=unit, on=dt.date(2025, 3, 1))
    assert [(line.covered_pct, line.rule, line.reason) for line in first.lines] == [
        (line.covered_pct, line.rule, line.reason) for line in second.lines
    ]


def test_reasons_follow_the_active_language(ac_model, ac_policy, italian_owner):
    from django.utils import translation

    unit = UnitFactory(product_model=ac_model, owner=italian_owner, sale_date=dt.date(2025, 1, 15))
    decision = coverage_for(unit=unit, on=dt.date(2025, 3, 1))
    with translation.override("fa"):
        persian = decision.lines[0].reason
    with translation.override("en"):
        english = decision.lines[0].reason
    assert "۱۴۰۴" in persian  # the end date in Jalali with Persian digits
    assert "2026" in english


def test_other_processes_reload_the_rules_after_the_ttl(settings, ac_model, ac_policy):
    from aftersales.warranty.coverage import rule_book
    from aftersales.warranty.models import WarrantyPolicy

    first = rule_book()
    WarrantyPolicy.objects.filter(pk=ac_policy.pk).update(months=99)  # as another process would
    settings.WARRANTY_RULES_TTL = 3600
    assert rule_book() is first
    settings.WARRANTY_RULES_TTL = -1
    reloaded = rule_book()
    assert reloaded is not first
    assert reloaded.by_category[ac_model.category_id][0].months == 99
