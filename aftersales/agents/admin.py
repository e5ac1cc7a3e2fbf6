from django.contrib import admin

from .models import Agent


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "city", "country", "is_active")
    list_filter = ("country", "is_active")
    search_fields = ("code", "name", "city")
