from django.contrib import admin

from .models import (
    Claim,
    ClaimPart,
    ExtendedContract,
    GuaranteeRule,
    LegalMinimum,
    PartCoverage,
    StandardTime,
    WarrantyPolicy,
)


class PartCoverageInline(admin.TabularInline):
    model = PartCoverage
    extra = 0
    raw_id_fields = ("part",)


class GuaranteeRuleInline(admin.TabularInline):
    model = GuaranteeRule
    extra = 0


@admin.register(WarrantyPolicy)
class WarrantyPolicyAdmin(admin.ModelAdmin):
    list_display = ("name", "product_model", "category", "months", "usage_limit", "is_active")
    list_filter = ("is_active", "start_event")
    search_fields = ("name",)
    inlines = [PartCoverageInline, GuaranteeRuleInline]


@admin.register(LegalMinimum)
class LegalMinimumAdmin(admin.ModelAdmin):
    list_display = ("country", "category", "months", "presumption_months", "commitment_years")


@admin.register(ExtendedContract)
class ExtendedContractAdmin(admin.ModelAdmin):
    list_display = ("number", "unit", "kind", "starts", "ends", "cancelled_at")
    search_fields = ("number",)
    raw_id_fields = ("unit",)


class ClaimPartInline(admin.TabularInline):
    model = ClaimPart
    extra = 0
    raw_id_fields = ("part",)


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("number", "unit", "agent", "failure_date", "status", "approved_total")
    list_filter = ("status",)
    search_fields = ("number", "external_ref")
    raw_id_fields = ("unit", "agent", "submitted_by", "decided_by")
    inlines = [ClaimPartInline]


admin.site.register(StandardTime)
