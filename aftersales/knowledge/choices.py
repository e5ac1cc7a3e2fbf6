from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Audience(models.TextChoices):
    """Who may read a published article."""

    INTERNAL = "internal", _("Staff only")
    PUBLIC = "public", _("Staff and customers")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("article", "Draft")
    PUBLISHED = "published", pgettext_lazy("article", "Published")
    ARCHIVED = "archived", pgettext_lazy("article", "Archived")
