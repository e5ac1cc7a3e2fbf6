from django.contrib import admin

from .models import StageDeadline


@admin.register(StageDeadline)
class StageDeadlineAdmin(admin.ModelAdmin):
    list_display = ["severity", "stage", "hours"]
