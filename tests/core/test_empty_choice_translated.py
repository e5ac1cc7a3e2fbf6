"""Django 6's label of an empty choice ("- Select an option -") reads in Persian and Italian."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "label"), [("it", "Seleziona un'opzione"), ("fa", "یک گزینه انتخاب کنید")]
)
def test_the_account_pages_empty_choice(operator, login, language, label):
    operator.language = language
    operator.save()
    html = login(operator).get("/account/").content.decode()
    assert label.replace("'", "&#x27;") in html or label in html
    assert "Select an option" not in html
