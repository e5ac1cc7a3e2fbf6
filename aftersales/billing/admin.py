"""The admin shows billing records for inspection; documents are changed only through the
services (an issued invoice never), so they are read-only here."""

from django.contrib import admin

from aftersales.core.admin import ReadOnlyAdmin

from .models import (
    Company,
    FixedPrice,
    Invoice,
    InvoiceLine,
    LabourRate,
    Payment,
    Quote,
    QuoteLine,
    RevenueTarget,
    TaxRate,
    TravelZone,
)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("country", "name", "currency", "invoice_prefix")


@admin.register(TaxRate)
class TaxRateAdmin(admin.ModelAdmin):
    list_display = ("country", "name", "percent", "valid_from")


@admin.register(LabourRate)
class LabourRateAdmin(admin.ModelAdmin):
    list_display = ("country", "service_type", "category", "region", "hourly_rate", "valid_from")


@admin.register(TravelZone)
class TravelZoneAdmin(admin.ModelAdmin):
    list_display = ("country", "name", "up_to_km", "fee", "valid_from")


@admin.register(FixedPrice)
class FixedPriceAdmin(admin.ModelAdmin):
    list_display = ("country", "service_type", "product_model", "amount", "valid_from")


@admin.register(RevenueTarget)
class RevenueTargetAdmin(admin.ModelAdmin):
    list_display = ("name", "start", "end", "service_type", "region", "amount", "currency")


class QuoteLineInline(admin.TabularInline):
    model = QuoteLine
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


class InvoiceLineInline(QuoteLineInline):
    model = InvoiceLine


@admin.register(Quote)
class QuoteAdmin(ReadOnlyAdmin):
    list_display = ("number", "customer", "status", "total", "currency", "valid_until")
    search_fields = ("number",)
    inlines = [QuoteLineInline]


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "kind", "status", "customer", "issue_date", "total", "currency")
    list_filter = ("kind", "status", "currency")
    search_fields = ("number",)
    inlines = [InvoiceLineInline]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ("invoice", "method", "amount", "currency", "received_on")
