"""Recording a customer's answer to a quote: the two answers read as a pair in Italian
("Accettato" / "Rifiutato", as the quote's status says them), not "Accettato" / "Ha rifiutato"."""

from aftersales.billing import services
from tests.factories import AddressFactory
from tests.service.factories import open_request


def test_the_answers_read_as_the_quotes_statuses(
    iran, service_data, operator, owner, owned_unit, login
):
    AddressFactory(customer=owner, region="Tehran")
    job = open_request(by=operator, customer=owner, unit=owned_unit)
    quote = services.quote_create(
        by=operator,
        customer=owner,
        request=job,
        lines=[{"kind": "labour", "description": "Ricarica gas", "quantity": 1, "unit_price": 10}],
    )
    services.quote_send(quote=quote, by=operator)
    operator.language = "it"
    operator.save()

    page = login(operator).get(f"/billing/quotes/{quote.pk}/").content.decode()

    assert '<option value="0">Rifiutato</option>' in page
    assert "Ha rifiutato" not in page
