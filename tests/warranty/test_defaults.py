"""`load_warranty_defaults`: the shipped rules are records, created once, never overwritten."""

from io import StringIO

from django.core.management import call_command

from aftersales.warranty.models import GuaranteeRule, LegalMinimum, PartCoverage, WarrantyPolicy
from tests.factories import CategoryFactory, PartFactory, ProductModelFactory


def test_the_defaults_are_loaded_once_and_edits_survive(db):
    category = CategoryFactory(code="ac")
    compressor = PartFactory(name="Compressor 18k")
    compressor.compatible_models.add(ProductModelFactory(category=category))
    out = StringIO()
    call_command("load_warranty_defaults", stdout=out)
    assert (
        "Created 3 legal minimums, 1 policies, 1 part rules, 3 guarantee rules." in out.getvalue()
    )
    italy = LegalMinimum.objects.get(country="IT", category=None)
    iran = LegalMinimum.objects.get(country="IR", category=None)
    assert (italy.months, italy.presumption_months) == (24, 12)
    assert "2019/771" in italy.source and "1388" in iran.source
    assert iran.commitment_years == 10
    iran_ac = LegalMinimum.objects.get(country="IR", category=category)
    assert (iran_ac.months, iran_ac.commitment_years) == (24, 10)
    assert "air conditioners" in iran_ac.source and "not legal advice" in iran_ac.source
    assert PartCoverage.objects.get().months == 60
    assert GuaranteeRule.objects.count() == 3

    italy.months = 26
    italy.save()
    call_command("load_warranty_defaults", stdout=StringIO())
    italy.refresh_from_db()
    assert italy.months == 26
    assert WarrantyPolicy.objects.count() == 1
