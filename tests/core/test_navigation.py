from aftersales.core.choices import Role


def test_staff_see_grouped_menus_and_customers_only_their_portal(make_user, login, owner):
    operator_page = login(make_user(Role.OPERATOR)).get("/customers/").content.decode()
    assert "/units/imports/" in operator_page and "/warranty/claims/" in operator_page
    finance_page = login(make_user(Role.FINANCE)).get("/customers/").content.decode()
    assert "/units/imports/" not in finance_page
    portal = login(owner.user).get("/my/").content.decode()
    assert "/my/register/" in portal and "/customers/" not in portal
