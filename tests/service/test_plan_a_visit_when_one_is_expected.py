"""A consultation is given on the phone: its page offers "Plan a visit" only once a support
session found that a visit is needed; a repair offers it as soon as it is triaged."""

from aftersales.service import services
from tests.service.factories import open_request


def _offers_a_visit(client, request) -> bool:
    return 'id="plan"' in client.get(request.get_absolute_url()).text


def test_a_consultation_offers_a_visit_after_the_phone_could_not_solve_it(
    login, operator, owner, owned_unit, service_data
):
    client = login(operator)
    consultation = open_request(by=operator, customer=owner, unit=owned_unit, code="consultation")
    services.request_triage(request=consultation, by=operator)
    assert not _offers_a_visit(client, consultation)

    services.support_record(
        request=consultation, by=operator, kind="remote", channel="phone", outcome="needs_visit"
    )
    assert _offers_a_visit(client, consultation)

    repair = open_request(by=operator, customer=owner, unit=owned_unit)
    services.request_triage(request=repair, by=operator)
    assert _offers_a_visit(client, repair)
