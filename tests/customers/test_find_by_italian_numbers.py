"""The operator finds an Italian customer by codice fiscale typed in lower case with spaces, and
by partita IVA typed as VIES writes it (IT + 11 digits), as well as by the bare digits."""

import pytest

from aftersales.customers.selectors import customers_find
from tests.factories import CustomerFactory


@pytest.mark.parametrize(
    "typed", ["crsmsm46h25f205k", "CRS MSM 46H25 F205K", "IT12345670157", "it 12345670157"]
)
def test_an_italian_number_finds_its_customer(operator, typed):
    wanted = CustomerFactory(country="IT", national_id="CRSMSM46H25F205K", vat_number="12345670157")
    CustomerFactory(country="IT", national_id="RSSMRA80A01H501U")

    assert list(customers_find(user=operator, query=typed)) == [wanted]
