from django.contrib import admin

from .models import Address, Customer, Phone


class PhoneInline(admin.TabularInline):
    model = Phone
    extra = 0


class AddressInline(admin.StackedInline):
    model = Address
    extra = 0


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ("display_name", "kind", "country", "tier", "created_at")
    list_filter = ("kind", "country", "tier", "preferred_language")
    search_fields = ("search_name", "national_id", "phones__number")
    raw_id_fields = ("user",)
    inlines = [PhoneInline, AddressInline]
