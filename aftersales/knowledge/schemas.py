"""What the knowledge base API reads and answers. Products and symptoms are named by their
catalogue codes."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Schema

from aftersales.catalog.models import Category, FailureCode, ProductModel

from .choices import ArticleStatus, Audience
from .services import BODY_MAX


class ArticleOut(Schema):
    id: int
    title: str = Field(description="In the caller's language, or the one the article has.")
    body: str
    language: str = Field(description="The language of `title` and `body`.")
    title_en: str
    title_fa: str
    title_it: str
    body_en: str
    body_fa: str
    body_it: str
    audience: Audience
    status: ArticleStatus
    categories: list[str]
    product_models: list[str]
    symptoms: list[str]
    reviewed_at: dt.datetime | None
    updated_at: dt.datetime

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.title_shown

    @staticmethod
    def resolve_body(obj) -> str:
        return obj.body_shown

    @staticmethod
    def resolve_language(obj) -> str:
        return obj.language_shown

    @staticmethod
    def resolve_categories(obj) -> list[str]:
        return [category.code for category in obj.categories.all()]

    @staticmethod
    def resolve_product_models(obj) -> list[str]:
        return [model.code for model in obj.product_models.all()]

    @staticmethod
    def resolve_symptoms(obj) -> list[str]:
        return [code.code for code in obj.symptoms.all()]


def _by_codes(model, field: str, lookup: str, codes: list[str] | None, user):
    if codes is None:
        return None
    wanted = set(codes)
    found = list(model.objects.restrict(user, "view").filter(**{f"{lookup}__in": wanted}))
    missing = wanted - {getattr(obj, lookup) for obj in found}
    if missing:
        raise ValidationError(
            {field: [_("Unknown code: %(code)s") % {"code": ", ".join(sorted(missing))}]}
        )
    return found


class ArticlePatch(Schema):
    """Only the fields sent change; a list, when sent, becomes the full list."""

    title_en: str | None = Field(None, max_length=200)
    title_fa: str | None = Field(None, max_length=200)
    title_it: str | None = Field(None, max_length=200)
    body_en: str | None = Field(None, max_length=BODY_MAX)
    body_fa: str | None = Field(None, max_length=BODY_MAX)
    body_it: str | None = Field(None, max_length=BODY_MAX)
    audience: Audience | None = None
    categories: list[str] | None = Field(None, description="Category codes.")
    product_models: list[str] | None = Field(None, description="Product model codes.")
    symptoms: list[str] | None = Field(None, description="Symptom failure codes.")

    def service_data(self, user) -> dict:
        data = {
            name: value
            for name, value in self.dict(exclude_unset=True).items()
            if value is not None or name in ("categories", "product_models", "symptoms")
        }
        for name, model, lookup in (
            ("categories", Category, "code"),
            ("product_models", ProductModel, "code"),
            ("symptoms", FailureCode, "code"),
        ):
            if name in data:
                data[name] = _by_codes(model, name, lookup, data[name] or [], user)
        return data


class ArticleIn(ArticlePatch):
    """A new article (a draft): a title and text in at least one language."""

    audience: Audience = Audience.INTERNAL
