"""Staff pages of the catalogue: product models, categories, spare parts, failure codes."""

import os

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.access import customer_page
from aftersales.core.views.edit import form_page, require, submit
from aftersales.core.views.lists import Column, ObjectListView

from . import selectors, services
from .filters import CategoryFilter, FailureCodeFilter, PartFilter, ProductModelFilter
from .forms import (
    CategoryForm,
    FailureCodeForm,
    PartForm,
    PartPriceForm,
    ProductModelForm,
    month_names,
)
from .models import Category, FailureCode, Part, PartPrice, ProductModel


def _yes_no(attribute):
    def value(obj):
        return gettext_lazy("Yes") if getattr(obj, attribute) else gettext_lazy("No")

    return value


class CatalogList(ObjectListView):
    """A catalogue list: the shared list page with the catalogue's tabs above it."""

    create_url_name = ""

    @property
    def template_name(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return "core/object_list.html"  # the view asks for its #results partial
        return "catalog/list.html"

    @property
    def create_url(self):
        return reverse(self.create_url_name)


# Lists


class ProductModelList(CatalogList):
    model = ProductModel
    filterset_class = ProductModelFilter
    default_sort = "code"
    select_related = ("category",)
    create_url_name = "catalog:model_create"
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name"),
        Column("category.name", gettext_lazy("Category"), sort="category__code"),
        Column("launch_date", gettext_lazy("Launch date"), sort="launch_date", kind="date"),
        Column(
            "end_of_production",
            gettext_lazy("End of production"),
            sort="end_of_production",
            kind="date",
        ),
        Column("get_usage_meter_display", gettext_lazy("Usage meter"), sort="usage_meter"),
        Column(_yes_no("is_active"), gettext_lazy("Active"), sort="is_active"),
    ]


class CategoryList(CatalogList):
    model = Category
    filterset_class = CategoryFilter
    default_sort = "code"
    create_url_name = "catalog:category_create"
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name_en"),
        Column(lambda c: month_names(c.peak_months), gettext_lazy("Peak months")),
        Column("peak_weight", gettext_lazy("Peak weight"), sort="peak_weight", kind="number"),
        Column("model_count", gettext_lazy("Models"), sort="model_count", kind="number"),
    ]

    def base_queryset(self):
        return super().base_queryset().annotate(model_count=Count("models"))


class PartList(CatalogList):
    model = Part
    filterset_class = PartFilter
    default_sort = "sku"
    select_related = ("superseded_by",)
    create_url_name = "catalog:part_create"
    columns = [
        Column("sku", gettext_lazy("SKU"), sort="sku", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name"),
        Column(
            "superseded_by.sku",
            gettext_lazy("Superseded by"),
            sort="superseded_by__sku",
            kind="serial",
        ),
        Column("model_count", gettext_lazy("Compatible models"), sort="model_count", kind="number"),
        Column(_yes_no("is_active"), gettext_lazy("Active"), sort="is_active"),
    ]

    def base_queryset(self):
        return super().base_queryset().annotate(model_count=Count("compatible_models"))


class FailureCodeList(CatalogList):
    model = FailureCode
    filterset_class = FailureCodeFilter
    default_sort = "code"
    create_url_name = "catalog:failure_code_create"
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name_en"),
        Column("get_level_display", gettext_lazy("Level"), sort="level"),
        Column(lambda f: ", ".join(c.name for c in f.categories.all()), gettext_lazy("Categories")),
        Column(_yes_no("is_active"), gettext_lazy("Active"), sort="is_active"),
    ]

    def base_queryset(self):
        return super().base_queryset().prefetch_related("categories")


# Detail pages


def _can_change(user, model) -> bool:
    return model.policy.allows(user, "change")


@login_required
def product_model_detail(request, pk: int):
    product_model = get_object_or_404(
        ProductModel.objects.restrict(request.user, "view").select_related("category"), pk=pk
    )
    context = {
        "obj": product_model,
        "title": str(product_model),
        "parts": product_model.parts.restrict(request.user, "view").select_related("superseded_by"),
        "unit_count": product_model.units.restrict(request.user, "view").count(),
        "can_change": _can_change(request.user, ProductModel),
    }
    return TemplateResponse(request, "catalog/model_detail.html", context)


@customer_page
@login_required
def product_model_manual(request, pk: int):
    """The model's manual, only to those who may see the model (media is not served publicly)."""
    product_model = get_object_or_404(ProductModel.objects.restrict(request.user, "view"), pk=pk)
    if not product_model.manual:
        raise Http404
    try:
        handle = product_model.manual.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle, as_attachment=True, filename=os.path.basename(product_model.manual.name)
    )


@login_required
def category_detail(request, pk: int):
    category = get_object_or_404(Category.objects.restrict(request.user, "view"), pk=pk)
    context = {
        "obj": category,
        "title": category.name,
        "peak_months": month_names(category.peak_months),
        "models": category.models.restrict(request.user, "view"),
        "failure_codes": category.failure_codes.restrict(request.user, "view"),
        "can_change": _can_change(request.user, Category),
    }
    return TemplateResponse(request, "catalog/category_detail.html", context)


def _part_page(request, part, *, price_form=None, status=200):
    can_add_price = PartPrice.policy.allows(request.user, "add")
    if can_add_price and price_form is None:
        price_form = PartPriceForm()
    context = {
        "obj": part,
        "title": str(part),
        "models": part.compatible_models.restrict(request.user, "view").select_related("category"),
        "successors": selectors.part_successors(user=request.user, part=part),
        "predecessors": selectors.part_predecessors(user=request.user, part=part),
        "prices": selectors.part_prices(user=request.user, part=part),
        "can_see_prices": PartPrice.policy.allows(request.user, "view"),
        "price_form": price_form if can_add_price else None,
        "can_change": _can_change(request.user, Part),
    }
    return TemplateResponse(request, "catalog/part_detail.html", context, status=status)


@login_required
def part_detail(request, pk: int):
    part = get_object_or_404(
        Part.objects.restrict(request.user, "view").select_related("superseded_by"), pk=pk
    )
    return _part_page(request, part)


@login_required
@require_POST
def part_price_add(request, pk: int):
    part = get_object_or_404(Part.objects.restrict(request.user, "view"), pk=pk)
    if not PartPrice.policy.allows(request.user, "add"):
        raise Http404
    form = PartPriceForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.part_price_add(part=part, by=request.user, **data),
        done=_("Price added."),
        then=part,
    ):
        return response
    return _part_page(request, part, price_form=form, status=400)


@login_required
def failure_code_detail(request, pk: int):
    failure_code = get_object_or_404(FailureCode.objects.restrict(request.user, "view"), pk=pk)
    context = {
        "obj": failure_code,
        "title": str(failure_code),
        "categories": failure_code.categories.restrict(request.user, "view"),
        "can_change": _can_change(request.user, FailureCode),
    }
    return TemplateResponse(request, "catalog/failure_code_detail.html", context)


# Create and edit


@login_required
def product_model_create(request):
    require(request, ProductModel, "add")
    form = ProductModelForm(request.POST or None, request.FILES or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.product_model_create(by=request.user, **data),
        title=_("New product model"),
        cancel_url=reverse("catalog:models"),
        done=_("Product model created."),
        template="catalog/form.html",
    )


@login_required
def product_model_edit(request, pk: int):
    product_model = get_object_or_404(ProductModel.objects.restrict(request.user, "change"), pk=pk)
    form = ProductModelForm(
        request.POST or None, request.FILES or None, instance=product_model, user=request.user
    )
    return form_page(
        request,
        form,
        save=lambda data: services.product_model_update(
            product_model=product_model, by=request.user, **data
        ),
        title=_("Edit %(name)s") % {"name": product_model},
        cancel_url=product_model.get_absolute_url(),
        done=_("Changes saved."),
        template="catalog/form.html",
    )


@login_required
def category_create(request):
    require(request, Category, "add")
    form = CategoryForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda data: services.category_create(by=request.user, **data),
        title=_("New product category"),
        cancel_url=reverse("catalog:categories"),
        done=_("Product category created."),
        template="catalog/form.html",
    )


@login_required
def category_edit(request, pk: int):
    category = get_object_or_404(Category.objects.restrict(request.user, "change"), pk=pk)
    form = CategoryForm(request.POST or None, instance=category)
    return form_page(
        request,
        form,
        save=lambda data: services.category_update(category=category, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": category},
        cancel_url=category.get_absolute_url(),
        done=_("Changes saved."),
        template="catalog/form.html",
    )


@login_required
def part_create(request):
    require(request, Part, "add")
    form = PartForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.part_create(by=request.user, **data),
        title=_("New spare part"),
        cancel_url=reverse("catalog:parts"),
        done=_("Spare part created."),
        template="catalog/form.html",
    )


@login_required
def part_edit(request, pk: int):
    part = get_object_or_404(Part.objects.restrict(request.user, "change"), pk=pk)
    form = PartForm(request.POST or None, instance=part, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.part_update(part=part, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": part},
        cancel_url=part.get_absolute_url(),
        done=_("Changes saved."),
        template="catalog/form.html",
    )


@login_required
def failure_code_create(request):
    require(request, FailureCode, "add")
    form = FailureCodeForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.failure_code_create(by=request.user, **data),
        title=_("New failure code"),
        cancel_url=reverse("catalog:failure_codes"),
        done=_("Failure code created."),
        template="catalog/form.html",
    )


@login_required
def failure_code_edit(request, pk: int):
    failure_code = get_object_or_404(FailureCode.objects.restrict(request.user, "change"), pk=pk)
    form = FailureCodeForm(request.POST or None, instance=failure_code, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.failure_code_update(
            failure_code=failure_code, by=request.user, **data
        ),
        title=_("Edit %(name)s") % {"name": failure_code},
        cancel_url=failure_code.get_absolute_url(),
        done=_("Changes saved."),
        template="catalog/form.html",
    )
