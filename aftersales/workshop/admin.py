"""Admin: workshops are set up here; jobs are shown, never changed (every write of a job goes
through `aftersales.workshop.services`)."""

from django.contrib import admin

from aftersales.core.admin import ReadOnlyAdmin

from .models import Workshop, WorkshopJob


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "agent", "warehouse", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "name")


@admin.register(WorkshopJob)
class WorkshopJobAdmin(ReadOnlyAdmin):
    list_display = ("number", "received_at", "workshop", "unit", "status")
    list_filter = ("status", "workshop")
    search_fields = ("number", "unit__serial", "request__number")
