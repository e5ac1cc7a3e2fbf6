import csv
import io

from openpyxl import load_workbook

from tests.factories import CategoryFactory, TechnicianFactory


def test_the_list_filters_by_agent_including_the_makers_own(operator, agent, other_agent, login):
    TechnicianFactory(last_name="Northman", agent=agent)
    TechnicianFactory(last_name="Southman", agent=other_agent)
    TechnicianFactory(last_name="Houseman", agent=None)
    client = login(operator)
    page = client.get("/technicians/", {"agent": agent.pk}).content.decode()
    assert "Northman" in page and "Southman" not in page and "Houseman" not in page
    page = client.get("/technicians/", {"agent": "none"}).content.decode()
    assert "Houseman" in page and "Northman" not in page


def test_the_list_filters_by_category_and_active(operator, login):
    cooling = CategoryFactory(name_en="Cooling")
    TechnicianFactory(last_name="Cooler").categories.set([cooling])
    TechnicianFactory(last_name="Washer")
    TechnicianFactory(last_name="Retired", is_active=False)
    client = login(operator)
    page = client.get("/technicians/", {"category": cooling.pk}).content.decode()
    assert "Cooler" in page and "Washer" not in page
    page = client.get("/technicians/", {"is_active": "false"}).content.decode()
    assert "Retired" in page and "Cooler" not in page


def test_the_list_searches_by_full_name_and_sorts(operator, login):
    TechnicianFactory(first_name="Reza", last_name="Ahmadi")
    TechnicianFactory(first_name="Reza", last_name="Karimi")
    TechnicianFactory(first_name="Sara", last_name="Ahmadi")
    client = login(operator)
    page = client.get("/technicians/", {"q": "reza ahmadi"}).content.decode()
    assert "Reza Ahmadi" in page and "Reza Karimi" not in page and "Sara Ahmadi" not in page
    page = client.get("/technicians/", {"sort": "-last_name"}).content.decode()
    assert page.index("Karimi") < page.index("Ahmadi")


def test_the_list_exports_to_csv_and_xlsx(operator, agent, login):
    TechnicianFactory(first_name="Ali", last_name="Exported", agent=agent, phone="+989121234567")
    client = login(operator)
    response = client.get("/technicians/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Agent", "Phone"]
    assert rows[1][:3] == ["Ali Exported", agent.name, "+989121234567"]
    sheet = load_workbook(
        io.BytesIO(client.get("/technicians/", {"export": "xlsx"}).content)
    ).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Ali Exported"]
