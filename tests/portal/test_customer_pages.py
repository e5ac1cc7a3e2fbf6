"""A customer opens the portal and what it links to, and no staff page, even of their own records.

Staff pages are narrowed by `restrict()` but show internal fields (SLA dues, history, notes), so a
customer gets 404 for them (`CustomerPagesMiddleware`): the same answer as for a stranger's record.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from aftersales.billing import services as billing
from aftersales.complaints.services import complaint_receive
from tests.billing.conftest import (  # noqa: F401 - fixtures
    close_visit,
    compressor,
    dispatcher,
    iran,
    technician,
)

pytestmark = pytest.mark.django_db

SIGNATURE = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
    "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
HREF = re.compile(r'href="([^"#]+)"')
LEFT_TO_THEIR_OWN_RULES = ("/static/", "/admin/", "/api/", "/accounts/logout/")


@pytest.fixture
def history(iran, operator, owner, owned_unit, close_visit, compressor):  # noqa: F811
    """The owner's closed repair with its report and invoice, and a quote sent to them."""
    visit = close_visit(
        customer=owner, unit=owned_unit, parts=[(compressor, 1)], signature=SIGNATURE
    )
    quote = billing.quote_create(
        by=operator,
        customer=owner,
        request=visit.request,
        lines=[{"kind": "labour", "description": "Gas refill", "quantity": 1, "unit_price": 9}],
    )
    billing.quote_send(quote=quote, by=operator)
    complaint_receive(
        by=operator,
        channel="phone",
        customer=owner,
        subject="Late",
        description="The technician came late",
        remedy_sought="apology",
    )
    return visit


def _crawl(client, start: str, limit: int = 120) -> dict[str, int]:
    """GET every page reachable from `start` by a link; the status of each."""
    seen, queue = {}, [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code in (301, 302):
            queue.append(response.url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            target = urlsplit(urljoin(url, href.replace("&amp;", "&")))
            if (
                target.scheme not in ("", "http")  # data:, mailto:, tel:
                or target.netloc not in ("", "testserver")
                or target.path.startswith(LEFT_TO_THEIR_OWN_RULES)
            ):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def test_every_link_a_customer_is_given_opens(history, owner, owned_unit, login):
    pages = _crawl(login(owner.user), "/my/")
    broken = {url: status for url, status in pages.items() if status not in (200, 302)}
    assert not broken
    request, invoice = history.request, history.request.invoices.get()
    reached = " ".join(pages)
    for page in (
        f"/service/my/{request.pk}/",
        f"/billing/invoices/{invoice.pk}/",
        f"/billing/invoices/{invoice.pk}/pdf/",
        f"/billing/visits/{history.pk}/job-sheet.pdf",
        f"/billing/quotes/{request.quotes.get().pk}/",
        f"/warranty/units/{owned_unit.pk}/card.pdf",
        "/club/",
        "/complaints/mine/",
        f"/complaints/track/{owner.complaints.get().code}/",
    ):
        assert page in reached


def test_staff_pages_of_their_own_records_are_404(history, owner, owned_unit, operator, login):
    request = history.request
    complaint = owner.complaints.get()
    staff_pages = [
        f"/customers/{owner.pk}/",
        f"/customers/{owner.pk}/edit/",
        f"/units/{owned_unit.pk}/",
        "/complaints/",
        "/service/",
        "/service/new/",
        "/billing/",
        "/parts/",
        "/dispatch/",
        "/catalog/",
        "/insights/",
        "/warranty/claims/",
    ]
    customer, desk = login(owner.user), login(operator)
    for url in staff_pages:
        assert customer.get(url).status_code == 404, url
    for url in staff_pages[:5]:
        assert desk.get(url).status_code == 200, url
    # a staff link in a notification takes the customer to their own page
    assert customer.get(f"/service/requests/{request.pk}/").url == f"/service/my/{request.pk}/"
    assert (
        customer.get(f"/complaints/{complaint.pk}/").url == f"/complaints/track/{complaint.code}/"
    )


def test_a_products_page_shows_its_service_history_and_asks_for_more(history, owner, login):
    unit = history.request.unit
    page = login(owner.user).get(f"/my/units/{unit.pk}/").content.decode()
    assert f"/service/my/{history.request.pk}/" in page and history.request.number in page
    assert f"/service/my/new/?unit={unit.pk}" in page
