"""Counter sales of parts to customers and agents: priced from the catalogue's price lists,
issued from stock through the ledger, left "to invoice" for billing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.agents.models import Agent
from aftersales.catalog.choices import PriceList
from aftersales.catalog.models import Part, PartPrice
from aftersales.core.models import User
from aftersales.core.money import quantize
from aftersales.core.numbering import next_number
from aftersales.customers.models import Customer

from ..choices import DocumentType, MoveKind
from ..models import CounterSale, CounterSaleLine, Warehouse
from .ledger import Effect, lock_levels, post_move, writer


def part_price(*, part: Part, price_list: str, currency: str, today: dt.date) -> Decimal | None:
    """The price of `part` on `price_list` in `currency` valid on `today` (the latest
    `valid_from` on or before it), in the currency's precision; None when there is none."""
    amount = (
        PartPrice.objects.filter(
            part=part, price_list=price_list, currency=currency, valid_from__lte=today
        )
        .order_by("-valid_from")
        .values_list("amount", flat=True)
        .first()
    )
    return None if amount is None else quantize(amount, currency)


@writer
def counter_sale_create(
    *,
    warehouse: Warehouse,
    lines: Iterable[tuple[Part, int]],
    by: User | None,
    customer: Customer | None = None,
    agent: Agent | None = None,
    currency: str = "IRR",
    note: str = "",
    today: dt.date | None = None,
) -> CounterSale:
    """Sell parts from `warehouse` to a customer (customer price list) or an agent (agent price
    list). Each line is priced from the list on `today`, and issued from stock: a line without a
    price or short of stock refuses the whole sale and nothing is posted. The sale waits "to
    invoice" for billing."""
    if (customer is None) == (agent is None):
        raise ValidationError(_("A counter sale is made to one customer or one agent."))
    lines = [(part, quantity) for part, quantity in lines]
    if not lines:
        raise ValidationError(_("A counter sale needs at least one line."))
    for _part, quantity in lines:
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
            raise ValidationError({"quantity": _("Enter a whole number of units above zero.")})
    today = today or timezone.localdate()
    price_list = PriceList.AGENT if agent is not None else PriceList.CUSTOMER
    priced = []
    for part, quantity in lines:
        price = part_price(part=part, price_list=price_list, currency=currency, today=today)
        if price is None:
            raise ValidationError(
                _("%(sku)s has no %(price_list)s in %(currency)s.")
                % {
                    "sku": part.sku,
                    "price_list": PriceList(price_list).label,
                    "currency": currency,
                },
                code="no_price",
            )
        priced.append((part, quantity, price, quantity * price))
    levels = lock_levels((warehouse, part) for part, _quantity in lines)
    sale = CounterSale.objects.create(
        number=next_number(f"CS-{today.year}"),
        warehouse=warehouse,
        customer=customer,
        agent=agent,
        price_list=price_list,
        currency=currency,
        total=quantize(sum((amount for *_rest, amount in priced), Decimal(0)), currency),
        note=note,
        by=by,
    )
    for part, quantity, price, amount in priced:
        CounterSaleLine.objects.create(
            sale=sale, part=part, quantity=quantity, unit_price=price, amount=amount
        )
        post_move(
            level=levels[(warehouse.pk, part.pk)],
            kind=MoveKind.ISSUE,
            quantity=quantity,
            effect=Effect(on_hand=-quantity),
            document_type=DocumentType.COUNTER_SALE,
            document_number=sale.number,
            by=by,
            note=note,
        )
    return sale
