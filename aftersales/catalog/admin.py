from django.contrib import admin

from .models import Category, FailureCode, Part, PartPrice, ProductModel


class PartPriceInline(admin.TabularInline):
    model = PartPrice
    extra = 0


@admin.register(Part)
class PartAdmin(admin.ModelAdmin):
    list_display = ("sku", "name", "superseded_by", "is_active")
    search_fields = ("sku", "name")
    filter_horizontal = ("compatible_models",)
    inlines = [PartPriceInline]


@admin.register(ProductModel)
class ProductModelAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "category", "launch_date", "end_of_production", "usage_meter")
    list_filter = ("category", "usage_meter", "is_active")
    search_fields = ("code", "name")


admin.site.register(Category)
admin.site.register(FailureCode)
