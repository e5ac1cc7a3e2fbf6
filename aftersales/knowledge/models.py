"""The knowledge base: troubleshooting articles ("E21 on the washer: the drain filter is
blocked; here is how to clear it") for the products of the catalogue and the symptoms that
technicians record, written once in each of our languages.

Write only through `aftersales.knowledge.services`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.choices import FailureLevel
from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Role

from .choices import ArticleStatus, Audience

LANGUAGES = ("en", "fa", "it")
WRITERS = frozenset({Role.QUALITY, Role.MANAGER, Role.OPERATOR})


def languages_for(language: str | None) -> list[str]:
    """The languages an article is read in, best first: the reader's, then English, Persian,
    Italian."""
    first = (language or "en")[:2]
    return sorted(LANGUAGES, key=lambda code: code != first)


class ArticlePolicy(Policy):
    """Writers see every article, drafts and archived ones too; every other reader sees only
    published articles, and a customer only those written for customers."""

    def scope(self, user, action: str) -> Q | None:
        q = super().scope(user, action)
        if q is None or self.allows(user, "change"):
            return q
        return q & Q(status=ArticleStatus.PUBLISHED)


class Article(models.Model):
    """A troubleshooting article: what it applies to, who may read it, and its text in each
    language (plain text: paragraphs separated by a blank line, steps numbered by hand)."""

    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_fa = models.CharField(_("title (Persian)"), max_length=200, blank=True)
    title_it = models.CharField(_("title (Italian)"), max_length=200, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    body_fa = models.TextField(_("text (Persian)"), blank=True)
    body_it = models.TextField(_("text (Italian)"), blank=True)
    categories = models.ManyToManyField(
        "catalog.Category",
        verbose_name=_("product categories"),
        blank=True,
        related_name="articles",
    )
    product_models = models.ManyToManyField(
        "catalog.ProductModel",
        verbose_name=_("product models"),
        blank=True,
        related_name="articles",
    )
    symptoms = models.ManyToManyField(
        "catalog.FailureCode",
        verbose_name=_("symptoms"),
        blank=True,
        related_name="articles",
        limit_choices_to={"level": FailureLevel.SYMPTOM},
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience, default=Audience.INTERNAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ArticleStatus, default=ArticleStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedManager()
    policy = ArticlePolicy(
        view=EVERYONE,
        add=WRITERS,
        change=WRITERS,
        customer=lambda customer: Q(audience=Audience.PUBLIC),
        agent=ALL,
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["status", "audience"], name="knowledge_article_shown")]

    def __str__(self):
        return self.title_shown

    def get_absolute_url(self):
        return reverse("knowledge:article", args=[self.pk])

    @property
    def language_shown(self) -> str:
        """The language the reader sees the article in: theirs when it has a text in it, or
        the first other language that has one."""
        for code in languages_for(get_language()):
            if getattr(self, f"title_{code}") or getattr(self, f"body_{code}"):
                return code
        return (get_language() or "en")[:2]

    @property
    def title_shown(self) -> str:
        return getattr(self, f"title_{self.language_shown}", "") or ""

    @property
    def body_shown(self) -> str:
        return getattr(self, f"body_{self.language_shown}", "") or ""

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED


track(Article)
