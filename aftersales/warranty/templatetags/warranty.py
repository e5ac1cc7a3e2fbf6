"""`{% unit_coverage unit as decision %}`: the unit's cover today, for the unit page's section."""

from django import template
from django.utils import timezone

from aftersales.warranty.choices import LineKind
from aftersales.warranty.coverage import Line, coverage_for

register = template.Library()


@register.simple_tag
def unit_coverage(unit):
    if unit is None:
        return None
    return coverage_for(
        unit=unit, on=timezone.now(), lines=[Line(LineKind.PART), Line.labour(), Line.travel()]
    )
