"""The FatturaPA file is downloaded by whoever may see the invoice (others get a 404): from the
invoice's page, as a ZIP of the issued Italian invoices in the filtered list, and over the API."""

import io
import zipfile
from xml.etree import ElementTree as ET

from aftersales.billing.fatturapa import file_name
from aftersales.billing.models import Invoice
from aftersales.core.choices import Role


def test_the_invoice_page_offers_the_xml_and_finance_downloads_it(italian_invoice, finance, login):
    client = login(finance)

    page = client.get(f"/billing/invoices/{italian_invoice.pk}/").content.decode()
    assert 'id="fatturapa"' in page

    response = client.get(f"/billing/invoices/{italian_invoice.pk}/fatturapa/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert f'filename="{file_name(italian_invoice)}"' in response["Content-Disposition"]
    root = ET.fromstring(response.content)
    assert root.find(".//Numero").text == italian_invoice.number


def test_the_customer_downloads_their_own_and_others_get_a_404(
    italian_invoice, italian_customer, owner, agent_user, login
):
    url = f"/billing/invoices/{italian_invoice.pk}/fatturapa/"
    assert login(italian_customer.user).get(url).status_code == 200  # their own fattura
    assert login(owner.user).get(url).status_code == 404
    assert login(agent_user).get(url).status_code == 404  # not the agent's request


def test_no_button_on_an_iranian_invoice_and_a_refusal_says_why(
    iran, owner, owned_unit, close_visit, italian_invoice, italian_customer, finance, login
):
    iranian = Invoice.objects.get(visit=close_visit(customer=owner, unit=owned_unit))
    client = login(finance)
    assert 'id="fatturapa"' not in client.get(f"/billing/invoices/{iranian.pk}/").content.decode()

    italian_customer.national_id = ""
    italian_customer.save()
    response = client.get(f"/billing/invoices/{italian_invoice.pk}/fatturapa/", follow=True)
    assert response.redirect_chain[-1][0] == f"/billing/invoices/{italian_invoice.pk}/"
    assert "codice fiscale or a partita IVA" in response.content.decode()


def test_the_list_exports_the_filtered_italian_invoices_as_a_zip(
    italian_invoice, iran, owner, owned_unit, close_visit, finance, login
):
    close_visit(customer=owner, unit=owned_unit)  # an Iranian invoice: never in the ZIP
    client = login(finance)
    assert 'id="fatturapa-zip"' in client.get("/billing/").content.decode()

    response = client.get("/billing/invoices/fatturapa.zip?status=issued")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.namelist() == [file_name(italian_invoice)]
        root = ET.fromstring(archive.read(file_name(italian_invoice)))
    assert root.find(".//Numero").text == italian_invoice.number

    nothing = client.get(f"/billing/invoices/fatturapa.zip?q=NO-SUCH-{italian_invoice.pk}")
    assert nothing.status_code == 302  # back to the list, which says there was none


def test_the_zip_lists_the_invoices_the_sdi_would_refuse(
    italian_invoice, italian_customer, finance, login
):
    italian_customer.addresses.update(postal_code="")

    response = login(finance).get("/billing/invoices/fatturapa.zip")

    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        (name,) = archive.namelist()
        assert name.endswith(".txt")
        assert italian_invoice.number in archive.read(name).decode()


def test_the_zip_holds_only_what_the_user_may_see(italian_invoice, make_user, agent, login):
    agent_staff = make_user(Role.AGENT, username="other-agent-staff", agent=agent)

    response = login(agent_staff).get("/billing/invoices/fatturapa.zip")

    assert response.status_code == 302  # none of the agent's: nothing to export


def test_the_api_answers_the_xml_or_why_not(
    italian_invoice, italian_customer, finance, owner, token_client
):
    url = f"/api/v1/billing/invoices/{italian_invoice.pk}/fatturapa"
    response = token_client(finance).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert ET.fromstring(response.content).find(".//TipoDocumento").text == "TD01"

    assert token_client(owner.user).get(url).status_code == 404
    assert token_client(italian_customer.user).get(url).status_code == 200

    italian_customer.addresses.all().delete()
    refused = token_client(finance).get(url)
    assert refused.status_code == 422
    assert "address" in refused.json()["errors"]["__all__"][0]


def test_the_api_documents_the_endpoint(client):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/billing/invoices/{invoice_id}/fatturapa"]["get"]
    assert "application/xml" in operation["responses"]["200"]["content"]
