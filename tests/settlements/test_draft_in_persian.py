"""A draft settlement reads in Persian: its name in Persian digits, and the history of changes
names who created and approved it in the user's language."""

from django.utils.functional import Promise

from aftersales.core.text import persian_digits
from aftersales.settlements.models import Payment, Settlement, SettlementLine


def test_a_draft_is_named_in_persian_digits(login, make_user, mehr_draft):
    user = make_user("finance", username="farsi", language="fa")
    page = login(user).get("/settlements/").content.decode()
    assert f"پیش‌نویس {persian_digits(str(mehr_draft.pk))}" in page
    assert (
        f"Draft {mehr_draft.pk}"
        in login(make_user("finance")).get("/settlements/").content.decode()
    )


def test_who_created_and_approved_is_translatable():
    for model, name in (
        (Settlement, "created_by"),
        (Settlement, "approved_by"),
        (SettlementLine, "created_by"),
        (Payment, "by"),
    ):
        label = model._meta.get_field(name).verbose_name
        assert isinstance(label, Promise), (model, name)  # a translatable label, not a code name
