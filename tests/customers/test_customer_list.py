import io

from openpyxl import load_workbook

from tests.factories import CustomerFactory, PhoneFactory


def test_the_list_finds_a_customer_by_phone_typed_with_persian_digits(operator, login):
    phone = PhoneFactory(number="+989121112233", customer__last_name="Moradi")
    PhoneFactory(number="+989121112244", customer__last_name="Other")
    response = login(operator).get("/customers/", {"q": "۰۹۱۲ ۱۱۱ ۲۲۳۳"})
    page = response.content.decode()
    assert phone.customer.display_name in page and "Other" not in page


def test_the_list_finds_by_surname_prefix_and_sorts(operator, login):
    CustomerFactory(first_name="Sara", last_name="Ahmadi")
    CustomerFactory(first_name="Bita", last_name="Ahmadzadeh")
    CustomerFactory(first_name="Reza", last_name="Karimi")
    page = (
        login(operator).get("/customers/", {"q": "ahmad", "sort": "-search_name"}).content.decode()
    )
    assert "Karimi" not in page
    assert page.index("Sara Ahmadi") < page.index("Bita Ahmadzadeh")


def test_the_list_paginates(operator, login):
    CustomerFactory.create_batch(30)
    client = login(operator)
    assert client.get("/customers/").content.decode().count("/customers/") > 25
    assert "Page 2 of 2" in client.get("/customers/", {"page": 2}).content.decode()


def test_export_to_csv_and_xlsx_respects_the_filter(operator, login):
    PhoneFactory(number="+989121112233", customer__last_name="Moradi")
    CustomerFactory(last_name="Karimi")
    client = login(operator)
    csv = b"".join(client.get("/customers/", {"q": "moradi", "export": "csv"}).streaming_content)
    text = csv.decode("utf-8-sig")
    assert "Moradi" in text and "Karimi" not in text
    assert "+989121112233" in text
    xlsx = client.get("/customers/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(name.split()[-1] for name in names) == ["Karimi", "Moradi"]


def test_agent_staff_list_only_their_agents_customers(
    agent_user, login, owned_unit, strangers_unit
):
    page = login(agent_user).get("/customers/").content.decode()
    assert owned_unit.owner.display_name in page
    assert strangers_unit.owner.display_name not in page


def test_a_name_that_looks_like_a_formula_is_exported_as_text(operator, login):
    """Formula injection: a spreadsheet must not run what someone typed into a name."""
    PhoneFactory(number="+989121112233", customer__first_name='=HYPERLINK("http://x.example")')
    client = login(operator)
    csv = b"".join(client.get("/customers/", {"export": "csv"}).streaming_content)
    text = csv.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "+989121112233" in text  # the phone stays a phone
    xlsx = client.get("/customers/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cell = next(c for row in sheet.iter_rows(min_row=2) for c in row if "HYPERLINK" in str(c.value))
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
