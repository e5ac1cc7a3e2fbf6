from aftersales.customers.models import Customer, Phone


def form(**overrides):
    data = {
        "kind": "person",
        "first_name": "Ali",
        "last_name": "Rezaei",
        "phone": "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "country": "IR",
        "national_id": "0499370899",
        "preferred_language": "fa",
        "tier": "standard",
    }
    data.update(overrides)
    return data


def test_an_operator_creates_a_customer_with_the_phone_stored_in_e164(operator, login):
    response = login(operator).post("/customers/new/", form())
    customer = Customer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == customer.get_absolute_url()
    assert list(customer.phones.values_list("number", flat=True)) == ["+989123456789"]
    assert customer.display_name == "Ali Rezaei"


def test_a_wrong_national_code_is_refused_and_nothing_is_saved(operator, login):
    response = login(operator).post("/customers/new/", form(national_id="0499370898"))
    assert response.status_code == 400
    assert "not a valid Iranian national code" in response.content.decode()
    assert not Customer.objects.exists() and not Phone.objects.exists()


def test_an_italian_customer_is_checked_by_codice_fiscale(operator, login):
    bad = login(operator).post(
        "/customers/new/", form(country="IT", national_id="RCCMNL83S18D969X")
    )
    assert bad.status_code == 400 and not Customer.objects.exists()
    good = login(operator).post(
        "/customers/new/", form(country="IT", national_id="rccmnl83s18d969h", phone="333 1234567")
    )
    assert good.status_code == 302
    assert Customer.objects.get().national_id == "RCCMNL83S18D969H"


def test_a_bad_phone_is_refused_with_a_clear_message(operator, login):
    response = login(operator).post("/customers/new/", form(phone="12345"))
    assert response.status_code == 400
    assert "is not a valid phone number" in response.content.decode()


def test_a_company_needs_its_name(operator, login):
    response = login(operator).post("/customers/new/", form(kind="company", company_name=""))
    assert response.status_code == 400
    assert not Customer.objects.exists()


def test_a_customer_cannot_open_the_new_customer_form(owner, login):
    assert login(owner.user).get("/customers/new/").status_code == 404
