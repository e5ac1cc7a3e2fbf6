"""Every write of the knowledge base: writing and editing an article, publishing it, archiving
it. Each function is atomic and keyword-only; `by` must be a writer (quality engineers,
managers, operators). A ValidationError names the field at fault and nothing is saved."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.choices import FailureLevel
from aftersales.catalog.models import Category, FailureCode, ProductModel
from aftersales.core.models import User

from .choices import ArticleStatus, Audience
from .models import LANGUAGES, Article

TEXT_FIELDS = tuple(f"{part}_{code}" for part in ("title", "body") for code in LANGUAGES)
ARTICLE_FIELDS = (*TEXT_FIELDS, "audience")
BODY_MAX = 20_000


def _may(by: User | None, action: str) -> None:
    if by is not None and not Article.policy.allows(by, action):
        raise PermissionDenied(_("You may not make this change."))


def _apply(article: Article, data: dict) -> None:
    unknown = set(data) - set(ARTICLE_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        if name in TEXT_FIELDS:
            value = (value or "").replace("\r\n", "\n").strip()
        setattr(article, name, value)


def _check(article: Article, symptoms: Iterable[FailureCode] | None) -> None:
    """Each language has both a title and a text, or neither; at least one language has them."""
    errors: dict[str, list[str]] = {}
    written = 0
    for code in LANGUAGES:
        title, body = getattr(article, f"title_{code}"), getattr(article, f"body_{code}")
        if title and not body:
            errors.setdefault(f"body_{code}", []).append(_("Write the text for this title."))
        elif body and not title:
            errors.setdefault(f"title_{code}", []).append(_("Give this text a title."))
        elif title:
            written += 1
        if len(body) > BODY_MAX:
            errors.setdefault(f"body_{code}", []).append(
                _("At most %(count)s characters.") % {"count": BODY_MAX}
            )
    if not written and not errors:
        errors["title_en"] = [_("Write the title and text in at least one language.")]
    if article.audience not in Audience.values:
        errors["audience"] = [_("Choose who may read the article.")]
    if symptoms is not None and any(code.level != FailureLevel.SYMPTOM for code in symptoms):
        errors["symptoms"] = [_("Choose symptoms only, not defects or repairs.")]
    try:
        article.full_clean(exclude=["author", "reviewed_by", *errors])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _link(
    article: Article,
    categories: Iterable[Category] | None,
    product_models: Iterable[ProductModel] | None,
    symptoms: Iterable[FailureCode] | None,
) -> None:
    if categories is not None:
        article.categories.set(categories)
    if product_models is not None:
        article.product_models.set(product_models)
    if symptoms is not None:
        article.symptoms.set(symptoms)


@transaction.atomic
def article_create(
    *,
    by: User | None,
    categories: Iterable[Category] = (),
    product_models: Iterable[ProductModel] = (),
    symptoms: Iterable[FailureCode] = (),
    **data,
) -> Article:
    """A new draft article, written by `by`; what it applies to is any mix of categories,
    models and symptom codes."""
    _may(by, "add")
    article = Article(author=by, status=ArticleStatus.DRAFT)
    _apply(article, data)
    symptoms = list(symptoms)
    _check(article, symptoms)
    article.save()
    _link(article, categories, product_models, symptoms)
    return article


@transaction.atomic
def article_update(
    *,
    article: Article,
    by: User | None,
    categories: Iterable[Category] | None = None,
    product_models: Iterable[ProductModel] | None = None,
    symptoms: Iterable[FailureCode] | None = None,
    **data,
) -> Article:
    """Change an article's text, audience or what it applies to (None leaves a list as it is).
    A published article stays published: corrections reach readers at once."""
    _may(by, "change")
    article = Article.objects.select_for_update().get(pk=article.pk)
    _apply(article, data)
    symptoms = None if symptoms is None else list(symptoms)
    _check(article, symptoms)
    article.save()
    _link(article, categories, product_models, symptoms)
    return article


@transaction.atomic
def article_publish(*, article: Article, by: User | None) -> Article:
    """A draft or archived article goes out to its readers; `by` is recorded as its reviewer."""
    _may(by, "change")
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status == ArticleStatus.PUBLISHED:
        raise ValidationError(_("The article is already published."))
    _check(article, None)
    article.status = ArticleStatus.PUBLISHED
    article.reviewed_by = by
    article.reviewed_at = timezone.now()
    article.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
    return article


@transaction.atomic
def article_archive(*, article: Article, by: User | None) -> Article:
    """Take an article out of reach of its readers (an outdated fix, a model long gone); its
    writers still find it and may publish it again."""
    _may(by, "change")
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status == ArticleStatus.ARCHIVED:
        raise ValidationError(_("The article is already archived."))
    article.status = ArticleStatus.ARCHIVED
    article.save(update_fields=["status", "updated_at"])
    return article
