from django.contrib import admin

from aftersales.core.admin import ReadOnlyAdmin

from .models import InboundAttachment, InboundMessage


@admin.register(InboundMessage)
class InboundMessageAdmin(ReadOnlyAdmin):
    list_display = ("received_at", "from_address", "subject", "status", "request")
    list_filter = ("status", "source")
    search_fields = ("from_address", "from_name", "subject", "message_id")


@admin.register(InboundAttachment)
class InboundAttachmentAdmin(ReadOnlyAdmin):
    list_display = ("filename", "content_type", "size", "message")
