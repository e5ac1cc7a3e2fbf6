"""A number in a list reads as the reader writes it: a decimal comma in Italian, Persian digits
in Persian; the export keeps the number."""

from decimal import Decimal
from types import SimpleNamespace

from django.utils import translation

from aftersales.core.views.lists import Column

ROW = SimpleNamespace(km=Decimal("2.30"), seconds=1.5, visits=12)


def test_a_number_column_reads_in_the_readers_language():
    km = Column("km", "km", kind="number")
    seconds = Column("seconds", "s", kind="number")
    visits = Column("visits", "n", kind="number")
    with translation.override("it"):
        assert (km.text(ROW), seconds.text(ROW), visits.text(ROW)) == ("2,30", "1,5", "12")
    with translation.override("fa"):
        assert km.text(ROW) == "۲.۳۰"
        assert visits.text(ROW) == "۱۲"
    with translation.override("en"):
        assert km.text(ROW) == "2.30"
    assert km.export(ROW) == Decimal("2.30") and visits.export(ROW) == 12
