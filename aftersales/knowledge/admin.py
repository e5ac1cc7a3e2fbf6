from django.contrib import admin

from aftersales.core.admin import ReadOnlyAdmin

from .models import Article


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdmin):
    """Articles are written on their own pages, through the knowledge base's services."""

    list_display = ("__str__", "audience", "status", "updated_at")
    list_filter = ("status", "audience")
    search_fields = ("title_en", "title_fa", "title_it")
