"""A name kept in each of our languages, shown in the user's."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TranslatedName(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fa = models.CharField(_("name (Persian)"), max_length=200, blank=True)
    name_it = models.CharField(_("name (Italian)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        language = (get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en

    def __str__(self):
        return self.name
