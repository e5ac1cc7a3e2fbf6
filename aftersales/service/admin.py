"""Admin: the set-up data of service delivery (types, SLA targets, holidays, plans, campaigns).
Requests and visits change only through `aftersales.service.services`."""

from django.contrib import admin

from .models import Campaign, Holiday, MaintenancePlan, ServiceType, SlaTarget


class SlaTargetInline(admin.TabularInline):
    model = SlaTarget
    extra = 0


@admin.register(ServiceType)
class ServiceTypeAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name_en",
        "needs_unit",
        "needs_visit",
        "self_booking",
        "priority_weight",
        "is_active",
    )
    inlines = [SlaTargetInline]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("calendar", "date", "name")
    list_filter = ("calendar",)


@admin.register(MaintenancePlan)
class MaintenancePlanAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "service_type",
        "product_model",
        "category",
        "service_contracts",
        "every_months",
        "is_active",
    )


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "product_model", "batch_from", "batch_to", "launched_at")
    readonly_fields = ("launched_at",)
