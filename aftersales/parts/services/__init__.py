"""Every write on stock. Each service is keyword-only and atomic; it locks the stock level rows it
changes (`select_for_update` on PostgreSQL; SQLite serializes writers with IMMEDIATE
transactions), appends moves to the ledger, and updates the cached levels in the same
transaction. A request that would take stock below zero raises a `ValidationError` with the code
`not_enough_stock`, and the database's CHECK constraints stand behind it.
"""

from .counts import stock_count_post
from .ledger import (
    NOT_ENOUGH_STOCK,
    SQLITE_RETRY_SECONDS,
    Effect,
    lock_level,
    lock_levels,
    post_move,
    shortage_error,
    writer,
)
from .moves import stock_issue, stock_receive, stock_return, stock_scrap
from .reorder import reorder_suggest, stock_level_plan, suggestion_approve, suggestion_reject
from .reservations import reservation_release, stock_reserve
from .returns import return_authorize, return_inspect, return_receive, return_ship
from .sales import counter_sale_create, part_price
from .transfers import stock_transfer, transfer_receive
from .warehouses import warehouse_create, warehouse_update

__all__ = [
    "Effect",
    "counter_sale_create",
    "part_price",
    "NOT_ENOUGH_STOCK",
    "SQLITE_RETRY_SECONDS",
    "lock_level",
    "lock_levels",
    "post_move",
    "reorder_suggest",
    "reservation_release",
    "return_authorize",
    "return_inspect",
    "return_receive",
    "return_ship",
    "shortage_error",
    "stock_count_post",
    "stock_issue",
    "stock_level_plan",
    "stock_receive",
    "stock_reserve",
    "stock_return",
    "stock_scrap",
    "stock_transfer",
    "suggestion_approve",
    "suggestion_reject",
    "transfer_receive",
    "warehouse_create",
    "warehouse_update",
    "writer",
]
