"""Staff pages for importing units sold from the maker's ERP: list, upload, template, progress."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from aftersales.core.exports import csv_response
from aftersales.core.forms import BootstrapMixin, FilterForm
from aftersales.core.views.edit import errors_to_form
from aftersales.core.views.lists import Column, ObjectListView

from .. import importing
from ..choices import ImportStatus
from ..models import ImportBatch

ERRORS_PER_PAGE = 50


class ImportFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="file_name",
        lookup_expr="icontains",
        label=gettext_lazy("File name"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = django_filters.ChoiceFilter(choices=ImportStatus.choices, label=gettext_lazy("Status"))

    class Meta:
        model = ImportBatch
        fields = ["q", "status"]
        form = FilterForm


def _uploader(batch: ImportBatch) -> str:
    user = batch.uploaded_by
    return (user.get_full_name() or user.username) if user else ""


class ImportList(ObjectListView):
    model = ImportBatch
    filterset_class = ImportFilter
    select_related = ("uploaded_by",)
    default_sort = "-created_at"
    title = gettext_lazy("Imports of units sold")
    columns = [
        Column("file_name", gettext_lazy("File"), sort="file_name", link=True),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("rows_total", gettext_lazy("Rows"), sort="rows_total", kind="number"),
        Column(
            "rows_created",
            pgettext_lazy("import rows", "Created"),
            sort="rows_created",
            kind="number",
        ),
        Column("rows_existing", gettext_lazy("Already present"), kind="number"),
        Column(
            "rows_failed",
            pgettext_lazy("import rows", "Rejected"),
            sort="rows_failed",
            kind="number",
        ),
        Column(_uploader, gettext_lazy("Uploaded by")),
        Column("created_at", gettext_lazy("Uploaded"), sort="created_at", kind="datetime"),
    ]

    def get(self, request, *args, **kwargs):
        if not ImportBatch.policy.allows(request.user, "view"):
            raise Http404
        return super().get(request, *args, **kwargs)

    @property
    def create_url(self):
        return reverse("units:import_upload")


class UploadForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV (UTF-8, comma or semicolon) or Excel .xlsx, up to 50 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        importing.check_upload(upload)
        return upload


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    if not ImportBatch.policy.allows(request.user, "add"):
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = importing.import_batch_create(upload=form.cleaned_data["file"], by=request.user)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("File received: the units are being imported."))
            return redirect(batch)
    context = {
        "form": form,
        "title": _("Import units sold"),
        "columns": importing.COLUMNS,
        "required": importing.REQUIRED_COLUMNS,
    }
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "units/imports_upload.html", context, status=status)


@login_required
@require_GET
def import_template(request):
    if not ImportBatch.policy.allows(request.user, "add"):
        raise Http404
    header, *rows = importing.template_rows()
    return csv_response("units-import-template", list(header), rows)


@login_required
@require_GET
def import_detail(request, pk: int):
    batch = get_object_or_404(
        ImportBatch.objects.restrict(request.user, "view").select_related("uploaded_by"), pk=pk
    )
    pending = batch.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
    errors = Paginator(batch.errors or [], ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    written = batch.rows_created + batch.rows_existing
    context = {
        "batch": batch,
        "title": batch.file_name,
        "pending": pending,
        "errors": errors,
        "to_write": max(batch.rows_total - batch.rows_failed, 0),
        "written": written,
        "earlier": ImportBatch.objects.restrict(request.user, "view")
        .filter(sha256=batch.sha256, created_at__lt=batch.created_at)
        .exclude(pk=batch.pk)
        .order_by("-created_at")
        .first(),
    }
    template = "units/imports_detail.html"
    if request.htmx and not request.htmx.boosted:
        template += "#status"
    return TemplateResponse(request, template, context)
