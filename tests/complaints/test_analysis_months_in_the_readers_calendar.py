"""The analysis names its months as the reader does: Jalali months in Persian digits, month
names in Italian and English (not '2026-03')."""

import pytest

from .conftest import receive

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "month"), [("fa", "۱۴۰۴/۱۲"), ("it", "Marzo 2026"), ("en", "March 2026")]
)
def test_months_of_the_analysis(login, manager, operator, owner, language, month):
    receive(by=operator, customer=owner)  # 1 March 2026
    manager.language = language
    manager.save()
    html = login(manager).get("/complaints/analysis/").content.decode()
    assert f"<td>{month}</td>" in html
    assert "2026-03" not in html
