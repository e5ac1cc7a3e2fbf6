from django.contrib import admin

from aftersales.core.admin import ReadOnlyAdmin

from .models import EarningRule, PointsEntry


@admin.register(EarningRule)
class EarningRuleAdmin(admin.ModelAdmin):
    list_display = ("event", "points", "is_active")


@admin.register(PointsEntry)
class PointsEntryAdmin(ReadOnlyAdmin):
    """Points are written by the club's services (the ledger is never edited)."""

    list_display = ("customer", "event", "points", "reference", "reason", "at")
    list_filter = ("event",)
    search_fields = ("customer__display_name", "reference", "reason")
