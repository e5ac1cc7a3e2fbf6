from django.contrib import admin

from .models import EarningRule, PointsEntry


@admin.register(EarningRule)
class EarningRuleAdmin(admin.ModelAdmin):
    list_display = ("event", "points", "is_active")


@admin.register(PointsEntry)
class PointsEntryAdmin(admin.ModelAdmin):
    """Read-only: points are written by the club's services (the ledger is never edited)."""

    list_display = ("customer", "event", "points", "reference", "reason", "at")
    list_filter = ("event",)
    search_fields = ("customer__display_name", "reference", "reason")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
