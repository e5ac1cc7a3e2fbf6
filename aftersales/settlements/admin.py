"""Settlements in the admin: to look, never to write (every write goes through the services, which
keep the totals, the journal and the approval rules)."""

from django.contrib import admin

from aftersales.core.admin import ReadOnlyAdmin

from .models import JournalEntry, Payment, Settlement, SettlementLine


class LineInline(admin.TabularInline):
    model = SettlementLine
    fk_name = "settlement"
    extra = 0
    fields = ("kind", "day", "reference", "reason", "labour", "travel", "parts", "amount")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Settlement)
class SettlementAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "agent", "period_start", "period_end", "status", "total", "settled")
    list_filter = ("status", "currency")
    search_fields = ("number", "agent__code", "agent__name")
    inlines = [LineInline]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ("settlement", "direction", "method", "amount", "paid_on", "reference")
    list_filter = ("direction", "method")


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyAdmin):
    list_display = ("day", "settlement", "debit", "credit", "amount", "currency", "reference")
    list_filter = ("debit", "credit")
