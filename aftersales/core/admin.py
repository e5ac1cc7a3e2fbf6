from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "agent", "is_active")
    list_filter = ("role", "agent", "is_active", "is_superuser")
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Aftersales"), {"fields": ("role", "agent", "language", "time_zone", "money_in_toman")}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + ((None, {"fields": ("role", "agent")}),)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
    search_fields = ("name", "user__username", "prefix")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written only through their services (ledgers, settlements, invoices): the admin
    shows them and never writes them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
