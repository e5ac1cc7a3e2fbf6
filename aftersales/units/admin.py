from django.contrib import admin

from .models import ImportBatch, MeterReading, Registration, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("serial", "product_model", "owner", "status", "sale_date", "service_agent")
    list_filter = ("status", "source", "product_model__category")
    search_fields = ("serial", "batch")
    raw_id_fields = ("owner", "installation_address", "replaced_by", "import_batch", "installer")


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("number", "customer", "product_model", "serial", "status", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("customer", "unit", "installation_address")


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = (
        "file_name",
        "status",
        "rows_total",
        "rows_created",
        "rows_failed",
        "created_at",
    )


admin.site.register(MeterReading)
