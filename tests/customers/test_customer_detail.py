def test_the_detail_shows_units_and_the_audit_trail(operator, login, owned_unit):
    client = login(operator)
    client.post(
        f"/customers/{owned_unit.owner.pk}/edit/",
        {
            "kind": "person",
            "first_name": "Sara",
            "last_name": "Karimi-Nejad",
            "phone": "09121234567",
            "country": "IR",
            "preferred_language": "fa",
            "tier": "gold",
        },
    )
    page = client.get(owned_unit.owner.get_absolute_url()).content.decode()
    assert owned_unit.serial in page
    assert "Karimi-Nejad" in page
    assert "History of changes" in page and "Olga" in page


def test_out_of_scope_customers_are_404(
    agent_user, owner, stranger, login, owned_unit, strangers_unit
):
    assert login(agent_user).get(stranger.get_absolute_url()).status_code == 404
    assert login(owner.user).get(stranger.get_absolute_url()).status_code == 404
    assert login(agent_user).get(owner.get_absolute_url()).status_code == 200


def test_add_a_unit_shows_only_to_roles_that_may_add_units(operator, make_user, login, owner):
    from aftersales.core.choices import Role

    add_link = f'href="/units/new/?owner={owner.pk}"'
    warehouse = login(make_user(Role.WAREHOUSE, username="stores"))
    assert add_link not in warehouse.get(owner.get_absolute_url()).content.decode()
    assert add_link in login(operator).get(owner.get_absolute_url()).content.decode()
