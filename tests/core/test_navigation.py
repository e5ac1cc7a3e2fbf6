from aftersales.core.choices import Role


def test_staff_see_grouped_menus_and_customers_only_their_portal(make_user, login, owner):
    operator_page = login(make_user(Role.OPERATOR)).get("/customers/").content.decode()
    assert "/units/imports/" in operator_page and "/warranty/claims/" in operator_page
    finance_page = login(make_user(Role.FINANCE)).get("/customers/").content.decode()
    assert "/units/imports/" not in finance_page
    portal = login(owner.user).get("/my/").content.decode()
    assert "/my/register/" in portal and "/customers/" not in portal


def test_an_administrator_is_not_offered_a_van_or_an_agency_of_their_own(make_user, login):
    admin = login(make_user(Role.ADMIN, username="root"))
    page = admin.get("/customers/").content.decode()
    for own_page in ("/parts/van/", "/agents/portal/"):
        assert f'href="{own_page}"' not in page
    technician_page = login(make_user(Role.TECHNICIAN)).get("/").content.decode()
    assert 'href="/parts/van/"' in technician_page
