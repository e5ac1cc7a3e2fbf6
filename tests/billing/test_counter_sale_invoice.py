"""A counter sale of parts to a customer is invoiced at the prices of the sale."""

from decimal import Decimal

from aftersales.billing.models import Invoice
from aftersales.core.choices import Role
from aftersales.parts import services as parts
from aftersales.parts.choices import CounterSaleStatus, WarehouseKind
from aftersales.parts.models import Warehouse


def test_finance_invoices_a_customers_counter_sale_once(
    iran, compressor, owner, finance, make_user, login
):
    keeper = make_user(Role.WAREHOUSE, username="keeper")
    central = Warehouse.objects.create(code="CEN", name="Central", kind=WarehouseKind.CENTRAL)
    parts.stock_receive(
        warehouse=central, part=compressor, quantity=3, document_number="DN-1", by=keeper
    )
    sale = parts.counter_sale_create(
        warehouse=central, customer=owner, lines=[(compressor, 2)], by=keeper
    )
    client = login(finance)

    page = client.get("/billing/counter-sales/").content.decode()
    assert sale.number in page

    response = client.post(f"/billing/counter-sales/{sale.pk}/invoice/")
    invoice = Invoice.objects.get(counter_sale=sale)
    assert response.url == f"/billing/invoices/{invoice.pk}/"
    assert invoice.status == "issued"
    assert invoice.net == Decimal("84000000")
    assert invoice.customer_total == Decimal("92400000")  # with 10% VAT
    sale.refresh_from_db()
    assert sale.status == CounterSaleStatus.INVOICED

    again = client.post(f"/billing/counter-sales/{sale.pk}/invoice/")
    assert again.status_code == 404  # no longer waiting
    assert Invoice.objects.filter(counter_sale=sale).count() == 1
    assert login(keeper).get("/billing/counter-sales/").status_code == 404
