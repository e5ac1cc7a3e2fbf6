"""Admin: warehouses are edited here; the ledger and its documents are shown, never changed
(every stock write goes through `aftersales.parts.services`)."""

from django.contrib import admin

from aftersales.core.admin import ReadOnlyAdmin

from .models import (
    DefectiveReturn,
    Reservation,
    StockCount,
    StockLevel,
    StockMove,
    Transfer,
    Warehouse,
)


@admin.register(Warehouse)
class WarehouseAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "agent", "technician", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name")


@admin.register(StockMove)
class StockMoveAdmin(ReadOnlyAdmin):
    list_display = ("at", "warehouse", "part", "kind", "quantity", "document_number", "by")
    list_filter = ("kind",)
    search_fields = ("part__sku", "document_number")
    list_select_related = ("warehouse", "part", "by")


@admin.register(StockLevel)
class StockLevelAdmin(ReadOnlyAdmin):
    list_display = ("warehouse", "part", "on_hand", "reserved", "in_transit", "defective")
    search_fields = ("part__sku",)
    list_select_related = ("warehouse", "part")


for model in (Reservation, Transfer, DefectiveReturn, StockCount):
    admin.site.register(model, ReadOnlyAdmin)
