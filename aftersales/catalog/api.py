"""Read-only catalogue API: categories, product models, spare parts, failure codes.

Every query goes through `restrict(request.user, "view")`; a record out of scope is a 404.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from . import selectors
from .choices import FailureLevel
from .models import Category, FailureCode, Part, ProductModel
from .schemas import CategoryOut, FailureCodeOut, PartOut, ProductModelOut

router = Router(tags=["catalog"])
MAX_PAGE = 200


def _categories(request):
    return Category.objects.restrict(request.user, "view")


def _models(request):
    return ProductModel.objects.restrict(request.user, "view").select_related("category")


def _parts(request):
    visible_models = ProductModel.objects.restrict(request.user, "view").order_by("code")
    return (
        Part.objects.restrict(request.user, "view")
        .select_related("superseded_by")
        .prefetch_related(Prefetch("compatible_models", queryset=visible_models))
    )


def _failure_codes(request):
    visible_categories = Category.objects.restrict(request.user, "view").order_by("code")
    return FailureCode.objects.restrict(request.user, "view").prefetch_related(
        Prefetch("categories", queryset=visible_categories)
    )


@router.get("/categories", response=list[CategoryOut], summary="List product categories")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def category_list(request, q: str = ""):
    """Categories whose code or name contains `q`."""
    return selectors.category_search(_categories(request), q).order_by("code")


@router.get("/categories/{category_id}", response=CategoryOut, summary="Get a product category")
def category_get(request, category_id: int):
    return get_object_or_404(_categories(request), pk=category_id)


@router.get("/models", response=list[ProductModelOut], summary="List product models")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def product_model_list(request, q: str = "", category: str = "", active: bool | None = None):
    """Models whose code or name contains `q`; `category` is a category code."""
    models = selectors.product_model_search(_models(request), q)
    if category:
        models = models.filter(category__code=category)
    if active is not None:
        models = models.filter(is_active=active)
    return models.order_by("code")


@router.get("/models/{model_id}", response=ProductModelOut, summary="Get a product model")
def product_model_get(request, model_id: int):
    return get_object_or_404(_models(request), pk=model_id)


@router.get("/parts", response=list[PartOut], summary="List spare parts")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def part_list(request, q: str = "", category: str = "", model: str = ""):
    """Parts whose SKU, name or description contains `q`; `category` is a category code and
    `model` a product model code: parts that fit a model of that category / that model."""
    parts = selectors.part_search(_parts(request), q)
    if category:
        fitting = Part.objects.filter(compatible_models__category__code=category).values("pk")
        parts = parts.filter(pk__in=fitting)
    if model:
        fitting = Part.objects.filter(compatible_models__code=model).values("pk")
        parts = parts.filter(pk__in=fitting)
    return parts.order_by("sku")


@router.get("/parts/{part_id}", response=PartOut, summary="Get a spare part")
def part_get(request, part_id: int):
    return get_object_or_404(_parts(request), pk=part_id)


@router.get("/failure-codes", response=list[FailureCodeOut], summary="List failure codes")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def failure_code_list(request, q: str = "", category: str = "", level: FailureLevel | None = None):
    """Failure codes whose code or name contains `q`; `category` is a category code."""
    codes = selectors.failure_code_search(_failure_codes(request), q)
    if category:
        matching = FailureCode.objects.filter(categories__code=category).values("pk")
        codes = codes.filter(pk__in=matching)
    if level:
        codes = codes.filter(level=level)
    return codes.order_by("level", "code")


@router.get(
    "/failure-codes/{failure_code_id}", response=FailureCodeOut, summary="Get a failure code"
)
def failure_code_get(request, failure_code_id: int):
    return get_object_or_404(_failure_codes(request), pk=failure_code_id)
