import pytest
from django.db import transaction

from aftersales.core.numbering import next_number


@pytest.mark.django_db(transaction=True)
def test_numbers_are_gap_free_and_a_rolled_back_number_is_reused():
    with transaction.atomic():
        assert next_number("T-2026") == "T-2026-000001"
    with pytest.raises(RuntimeError), transaction.atomic():
        assert next_number("T-2026") == "T-2026-000002"
        raise RuntimeError("the document was not saved")
    with transaction.atomic():
        assert next_number("T-2026") == "T-2026-000002"


@pytest.mark.django_db(transaction=True)
def test_a_number_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        next_number("T-2026")
