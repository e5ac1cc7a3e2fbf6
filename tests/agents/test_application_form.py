"""The public application form: no login, documents attached, bad input refused whole."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from aftersales.agents.models import Agent, AgentDocument, Application

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _form(**changes):
    data = {
        "name": "Caspian Cooling",
        "country": "IR",
        "region": "Gilan",
        "city": "Rasht",
        "address": "Golsar Blvd 12",
        "phone": "0911 123 4567",
        "email": "info@caspian.example",
        "contact_name": "Ali Rahimi",
        "premises_sqm": "120",
        "staff_count": "6",
        "certified_staff": "3",
        "years_experience": "8",
        "capital": "2500000000",
        "currency": "IRR",
        "equipment": "Vacuum pump, leak detector",
        "registration": SimpleUploadedFile("registration.pdf", PDF, "application/pdf"),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_anyone_opens_the_form_without_logging_in(db):
    response = Client().get("/agents/apply/")
    assert response.status_code == 200
    assert "Become an authorized service agent" in response.content.decode()


def test_an_application_makes_an_applicant_with_its_documents_and_a_log_line(db, settings):
    client = Client()
    photo = SimpleUploadedFile("premises.jpg", b"\xff\xd8\xff\xe0fake-jpeg", "image/jpeg")
    response = client.post("/agents/apply/", _form(documents=[photo]))
    assert response.status_code == 302 and response.url == "/agents/apply/thanks/"
    agent = Agent.objects.get(name="Caspian Cooling")
    assert agent.status == "applicant" and not agent.is_active
    assert agent.code.startswith("APP-")
    assert agent.phone == "+989111234567"
    application = Application.objects.get(agent=agent)
    assert application.certified_staff == 3 and application.capital == 2_500_000_000
    documents = AgentDocument.objects.filter(agent=agent).order_by("pk")
    assert [d.kind for d in documents] == ["registration", "other"]
    assert documents[0].file.read() == PDF  # a real file on disk
    assert list(agent.status_changes.values_list("to_status", flat=True)) == ["applicant"]
    thanks = client.get(response.url).content.decode()
    assert agent.code in thanks


def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(db):
    client = Client()
    cases = [
        (_form(registration=None), "This field is required."),
        (_form(certified_staff="9"), "There cannot be more certified technicians than staff."),
        (
            _form(registration=SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream")),
            "is not a PDF or an image.",
        ),
        (_form(email="not-an-email"), "Enter a valid email address."),
        (_form(capital="-5"), "greater than or equal to 0"),
    ]
    for data, message in cases:
        response = client.post("/agents/apply/", data)
        assert response.status_code == 400, message
        assert message in response.content.decode()
    assert not Agent.objects.exists()
    assert not AgentDocument.objects.exists()


def test_a_robot_filling_the_hidden_field_is_refused(db):
    response = Client().post("/agents/apply/", _form(website="http://spam.example"))
    assert response.status_code == 400
    assert not Agent.objects.exists()


def test_the_form_speaks_persian(db):
    client = Client()
    client.cookies["django_language"] = "fa"
    response = client.get("/agents/apply/", HTTP_ACCEPT_LANGUAGE="fa")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_applicants_are_found_in_the_agents_list_by_status(db, manager, login):
    Client().post("/agents/apply/", _form())
    client = login(manager)
    listed = client.get("/agents/", {"status": "applicant"}).content.decode()
    assert "Caspian Cooling" in listed
    assert "Caspian Cooling" not in client.get("/agents/", {"status": "active"}).content.decode()
