"""The count of records under every list reads in the user's digits."""

from aftersales.core.choices import Role
from tests.factories import CustomerFactory


def test_the_record_count_is_in_persian_digits_for_a_persian_user(make_user, login):
    CustomerFactory.create_batch(12)
    user = make_user(Role.OPERATOR, language="fa")
    page = login(user).get("/customers/").content.decode()
    assert 'id="result-count">۱۲ ' in page
    user.language = "en"
    user.save()
    assert 'id="result-count">12 records<' in login(user).get("/customers/").content.decode()
