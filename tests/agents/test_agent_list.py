import csv
import io

from openpyxl import load_workbook

from aftersales.core.choices import Country
from tests.factories import AgentFactory


def test_the_list_finds_an_agent_by_code_name_or_city(operator, login):
    AgentFactory(code="AG-TBZ", name="North Service", city="Tabriz")
    AgentFactory(code="AG-SHZ", name="South Service", city="Shiraz")
    client = login(operator)
    page = client.get("/agents/", {"q": "tabriz"}).content.decode()
    assert "North Service" in page and "South Service" not in page
    page = client.get("/agents/", {"q": "AG-SHZ"}).content.decode()
    assert "South Service" in page and "North Service" not in page


def test_the_list_filters_by_country_and_active(operator, login):
    AgentFactory(name="Milano Assistenza", city="Milano", country=Country.ITALY)
    AgentFactory(name="Tehran Closed", is_active=False)
    AgentFactory(name="Tehran Open")
    client = login(operator)
    page = client.get("/agents/", {"country": "IT"}).content.decode()
    assert "Milano Assistenza" in page and "Tehran Open" not in page
    page = client.get("/agents/", {"is_active": "false"}).content.decode()
    assert "Tehran Closed" in page and "Tehran Open" not in page


def test_the_list_sorts_by_city(operator, login):
    AgentFactory(name="First by name", city="Zanjan")
    AgentFactory(name="Second by name", city="Ahvaz")
    page = login(operator).get("/agents/", {"sort": "city"}).content.decode()
    assert page.index("Second by name") < page.index("First by name")


def test_the_list_exports_to_csv_and_xlsx(operator, login):
    AgentFactory(code="AG-1", name="North Service", city="Tabriz", phone="+989141234567")
    client = login(operator)
    response = client.get("/agents/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Code", "Name", "City"]
    assert rows[1][:3] == ["AG-1", "North Service", "Tabriz"]
    assert "+989141234567" in rows[1]
    sheet = load_workbook(io.BytesIO(client.get("/agents/", {"export": "xlsx"}).content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["AG-1"]
