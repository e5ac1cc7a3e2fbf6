"""axe-core finds no serious or critical problem on the finance pages that read the bank's
files: the bank statements (list, upload with its errors, a statement's transfers) and the
payment runs, in English and in Persian."""

import pytest

from aftersales.billing import statements
from tests.billing.test_bank_statements import camt053

from .test_axe_on_the_main_pages import LANGUAGES, check, language_is_right

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bank_statement_pages(sign_in, make_user, language):
    finance = make_user("finance")
    statement = statements.statement_upload(
        by=finance,
        data=camt053(("80.00", "CRO-2", "Ferramenta Lodi", "Acconto ordine 4471")),
        name="novembre.xml",
    )
    page = sign_in(finance, language)
    problems = check(page, "/billing/bank-statements/")
    language_is_right(page, language)
    problems += check(page, "/billing/bank-statements/new/", submit="main form button[type=submit]")
    problems += check(page, statement.get_absolute_url())
    problems += check(page, "/settlements/payment-runs/")
    assert problems == []
