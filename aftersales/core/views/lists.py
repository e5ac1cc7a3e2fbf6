"""One list view for every kind of record: search, filters, sorting, pagination, CSV/XLSX export.

A list is declared, not written:

    class CustomerList(ObjectListView):
        model = Customer
        filterset_class = CustomerFilter
        columns = [Column("display_name", _("Name"), sort="search_name", link=True), ...]

Data comes only through `restrict(user, "view")`.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Model
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.views import View

from .. import calendars
from ..exports import csv_response, xlsx_response
from ..money import PRECISION, quantize
from ..phones import format_phone
from ..text import persian_digits, show_number

EXPORT_LIMIT = 200_000


@dataclass
class Column:
    """A column of a list: where its value comes from, how it sorts, how it shows."""

    accessor: str | Callable
    label: str
    sort: str | None = None
    link: bool = False
    kind: str = "text"  # text, date, datetime, phone, bool, serial, email, number

    def value(self, obj):
        if callable(self.accessor):
            return self.accessor(obj)
        value = obj
        for part in self.accessor.split("."):
            value = getattr(value, part, None)
            if value is None:
                return None
            if callable(value) and not isinstance(value, Model):
                value = value()
        return value

    def text(self, obj) -> str:
        value = self.value(obj)
        if value is None:
            return ""
        if self.kind in ("date", "datetime") and isinstance(value, dt.date):
            return calendars.show_date(value, with_time=self.kind == "datetime")
        if self.kind == "phone":
            return format_phone(value)
        if self.kind == "bool":
            return gettext("Yes") if value else gettext("No")
        if self.kind == "number" and isinstance(value, int | float | Decimal):
            # '2,30' in Italian, Persian digits in Persian; the places stored are kept
            return show_number(value, trim=False)
        return str(value)

    def export(self, obj):
        value = self.value(obj)
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)  # the time the list shows, not UTC
            return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
        if isinstance(value, dt.date | int | float | bool | Decimal):
            return value  # a number cell a spreadsheet can add up
        return str(value)


@dataclass
class AmountColumn(Column):
    """An amount of money: shown in its currency's precision, grouped, in the user's digits;
    exported as a number so a spreadsheet can add it up. `currency` is the row's currency: an
    attribute path, or a function of the row."""

    kind: str = "number"
    currency: str | Callable = "currency"

    def text(self, obj) -> str:
        value = self.value(obj)
        if value is None:
            return ""
        currency = Column(self.currency, "").value(obj) or ""
        places = PRECISION.get(currency, 2)
        text = number_format(
            quantize(value, currency), decimal_pos=places, use_l10n=True, force_grouping=True
        )
        return persian_digits(text) if (get_language() or "").startswith("fa") else text

    def export(self, obj):
        value = self.value(obj)
        return "" if value is None else value  # a Decimal: a number cell in XLSX


@dataclass
class DecimalColumn(Column):
    """A rate, a distance or a quantity as the reader writes numbers: '22' and '8,5' in Italian,
    Persian digits in Persian (not '22.00'); exported as a number."""

    kind: str = "number"

    def text(self, obj) -> str:
        value = self.value(obj)
        return "" if value is None else show_number(value)


class ObjectListView(LoginRequiredMixin, View):
    model: type[Model]
    filterset_class = None
    columns: list[Column] = []
    default_sort: str = "-pk"
    paginate_by = 25
    title = ""
    template_name = "core/object_list.html"
    create_url: str | None = None
    select_related: tuple = ()

    def base_queryset(self):
        queryset = self.model.objects.restrict(self.request.user, "view")
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset

    def sort_keys(self) -> dict[str, str]:
        return {column.sort: column.sort for column in self.columns if column.sort}

    def current_sort(self) -> str:
        requested = self.request.GET.get("sort", "")
        if requested.lstrip("-") in self.sort_keys():
            return requested
        return self.default_sort

    def get(self, request, *args, **kwargs):
        queryset = self.base_queryset()
        filterset = None
        if self.filterset_class is not None:
            filterset = self.filterset_class(
                request.GET or None, queryset=queryset, request=request
            )
            if filterset.is_bound:
                # a filter that cannot be read shows its error and no record: the list, and an
                # export above all, never pretends to be filtered when it is not
                queryset = filterset.qs if filterset.is_valid() else queryset.none()
        sort = self.current_sort()
        queryset = queryset.order_by(sort, "-pk" if sort.lstrip("-") != "pk" else sort)
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return self.export(queryset, export)
        page = Paginator(queryset, self.paginate_by).get_page(request.GET.get("page"))
        rows = [
            (obj, [(column, column.text(obj)) for column in self.columns])
            for obj in page.object_list
        ]
        query = request.GET.copy()
        query.pop("page", None)
        sortless = query.copy()
        sortless.pop("sort", None)
        context = {
            "title": self.title or self.model._meta.verbose_name_plural,
            "filterset": filterset,
            "columns": self.columns,
            "rows": rows,
            "page": page,
            "sort": sort,
            "query": query.urlencode(),
            "sortless_query": sortless.urlencode(),
            "create_url": self.create_url if self.can_create() else None,
        }
        template = self.template_name
        if request.htmx and not request.htmx.boosted:
            template = f"{template}#results"
        return TemplateResponse(request, template, context)

    def can_create(self) -> bool:
        return self.model.policy.allows(self.request.user, "add")

    def export(self, queryset, kind: str):
        header = [str(column.label) for column in self.columns]
        rows = (
            [column.export(obj) for column in self.columns]
            for obj in queryset[:EXPORT_LIMIT].iterator(chunk_size=2000)
        )
        name = slugify(str(self.model._meta.verbose_name_plural)) or self.model._meta.model_name
        if kind == "csv":
            return csv_response(name, header, rows)
        return xlsx_response(name, header, rows)
