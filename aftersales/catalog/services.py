"""Writes on the catalogue: categories, product models, parts and their prices, failure codes.

Each function is atomic and keyword-only, checks the record with `full_clean()` (so the model's
own rules apply: no supersession cycle, production not ending before launch, months 1-12) and
raises `ValidationError` for the caller to show.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from aftersales.core.models import User
from aftersales.core.money import quantize

from .models import Category, FailureCode, Part, PartPrice, ProductModel

CATEGORY_FIELDS = ("code", "name_en", "name_fa", "name_it", "peak_months", "peak_weight")
MODEL_FIELDS = (
    "code",
    "name",
    "category",
    "launch_date",
    "end_of_production",
    "usage_meter",
    "manual",
    "is_active",
)
PART_FIELDS = ("sku", "name", "description", "superseded_by", "is_active")
FAILURE_CODE_FIELDS = ("code", "level", "name_en", "name_fa", "name_it", "is_active")


def _apply(instance: models.Model, fields: tuple[str, ...], data: dict) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if isinstance(field, models.FileField):
            field.save_form_data(instance, value)  # None keeps the file, False clears it
        else:
            setattr(instance, name, value)
    instance.full_clean()


# Categories


@transaction.atomic
def category_create(*, by: User | None, **data) -> Category:
    """A new product category; `peak_months` is a list of month numbers (1-12)."""
    category = Category()
    _apply(category, CATEGORY_FIELDS, data)
    category.save()
    return category


@transaction.atomic
def category_update(*, category: Category, by: User | None, **data) -> Category:
    _apply(category, CATEGORY_FIELDS, data)
    category.save()
    return category


# Product models


@transaction.atomic
def product_model_create(*, by: User | None, **data) -> ProductModel:
    """A new product model; `manual` may be an uploaded file."""
    product_model = ProductModel()
    _apply(product_model, MODEL_FIELDS, data)
    product_model.save()
    return product_model


@transaction.atomic
def product_model_update(*, product_model: ProductModel, by: User | None, **data) -> ProductModel:
    _apply(product_model, MODEL_FIELDS, data)
    product_model.save()
    return product_model


# Parts


def _lock_successors(successor: Part | None) -> Part | None:
    """Lock the chain of parts from `successor` on, and return it freshly read.

    Two people changing supersessions at the same time then cannot close a circle between them.
    """
    if successor is None:
        return None
    fresh = Part.objects.select_for_update().get(pk=successor.pk)
    seen = {fresh.pk}
    step = fresh
    while step.superseded_by_id and step.superseded_by_id not in seen:
        step = Part.objects.select_for_update().get(pk=step.superseded_by_id)
        seen.add(step.pk)
    return fresh


def _save_part(part: Part, data: dict, compatible_models: Iterable[ProductModel] | None) -> Part:
    if "superseded_by" in data:
        data["superseded_by"] = _lock_successors(data["superseded_by"])
    _apply(part, PART_FIELDS, data)
    part.save()
    if compatible_models is not None:
        part.compatible_models.set(compatible_models)
    return part


@transaction.atomic
def part_create(*, by: User | None, compatible_models: Iterable[ProductModel] = (), **data) -> Part:
    """A new spare part; `superseded_by` may name the part that replaces it."""
    return _save_part(Part(), data, compatible_models)


@transaction.atomic
def part_update(
    *,
    part: Part,
    by: User | None,
    compatible_models: Iterable[ProductModel] | None = None,
    **data,
) -> Part:
    """Change a part; refuses a supersession that would go round in a circle."""
    part = Part.objects.select_for_update().get(pk=part.pk) if part.pk else part
    return _save_part(part, data, compatible_models)


@transaction.atomic
def part_price_add(
    *,
    part: Part,
    by: User | None,
    price_list: str,
    currency: str,
    amount: Decimal,
    valid_from: date,
) -> PartPrice:
    """A price of `part` on a price list from a date on, rounded to the currency's precision."""
    if amount is None or amount < 0:
        raise ValidationError({"amount": _("A price cannot be negative.")}, code="negative")
    price = PartPrice(
        part=part,
        price_list=price_list,
        currency=currency,
        amount=quantize(amount, currency),
        valid_from=valid_from,
    )
    try:
        price.full_clean()
    except ValidationError as error:
        if "__all__" in error.message_dict:
            raise ValidationError(
                _("This part already has a price on that list, in that currency, from that date."),
                code="duplicate",
            ) from error
        raise
    price.save()
    return price


# Failure codes


@transaction.atomic
def failure_code_create(
    *, by: User | None, categories: Iterable[Category] = (), **data
) -> FailureCode:
    failure_code = FailureCode()
    _apply(failure_code, FAILURE_CODE_FIELDS, data)
    failure_code.save()
    failure_code.categories.set(categories)
    return failure_code


@transaction.atomic
def failure_code_update(
    *,
    failure_code: FailureCode,
    by: User | None,
    categories: Iterable[Category] | None = None,
    **data,
) -> FailureCode:
    _apply(failure_code, FAILURE_CODE_FIELDS, data)
    failure_code.save()
    if categories is not None:
        failure_code.categories.set(categories)
    return failure_code
