from django.contrib import admin

from .models import Technician


@admin.register(Technician)
class TechnicianAdmin(admin.ModelAdmin):
    list_display = ("last_name", "first_name", "agent", "phone", "is_active")
    list_filter = ("agent", "is_active")
    raw_id_fields = ("user",)
