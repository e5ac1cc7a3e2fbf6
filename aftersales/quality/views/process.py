"""Process control (R9): each service type's versioned process and its PDCA reviews."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from aftersales.core.documents import pdf_response, render_pdf
from aftersales.core.views.edit import form_page, require, submit
from aftersales.service.models import ServiceType

from .. import kpis, services
from ..forms import ProcessVersionForm, ReviewForm
from ..models import ProcessReview, ProcessVersion


def _service_type(request, pk):
    return get_object_or_404(ServiceType.objects.restrict(request.user, "view"), pk=pk)


@login_required
def process_list(request):
    require(request, ProcessVersion, "view")
    types = list(ServiceType.objects.restrict(request.user, "view"))
    latest = {}
    for version in ProcessVersion.objects.restrict(request.user, "view").order_by("version"):
        latest[version.service_type_id] = version
    reviews = {}
    for review in ProcessReview.objects.restrict(request.user, "view").order_by("period_end"):
        reviews[review.service_type_id] = review
    rows = [(st, latest.get(st.pk), reviews.get(st.pk)) for st in types]
    return TemplateResponse(
        request, "quality/process_list.html", {"title": _("Service processes"), "rows": rows}
    )


@login_required
def process_detail(request, pk: int, version: int | None = None):
    require(request, ProcessVersion, "view")
    service_type = _service_type(request, pk)
    versions = list(
        ProcessVersion.objects.restrict(request.user, "view")
        .filter(service_type=service_type)
        .select_related("created_by")
        .order_by("-version")
    )
    if version is None:
        shown = versions[0] if versions else None
    else:
        shown = next((v for v in versions if v.version == version), None)
        if shown is None:
            raise Http404
    targets = [
        (kpis.kpi_label(key), value, key in kpis.RATES)
        for key, value in (shown.targets if shown else {}).items()
    ]
    context = {
        "title": str(service_type),
        "service_type": service_type,
        "versions": versions,
        "shown": shown,
        "targets": targets,
        "reviews": ProcessReview.objects.restrict(request.user, "view").filter(
            service_type=service_type
        ),
        "can_add": ProcessVersion.policy.allows(request.user, "add"),
        "is_latest": shown is not None and versions and shown.pk == versions[0].pk,
    }
    return TemplateResponse(request, "quality/process_detail.html", context)


@login_required
def process_version_create(request, pk: int):
    require(request, ProcessVersion, "add")
    service_type = _service_type(request, pk)
    latest = ProcessVersion.objects.filter(service_type=service_type).order_by("-version").first()
    initial = {"procedure": "\n".join(service_type.checklist or [])}
    if latest is not None:
        initial = {
            "requirements": latest.requirements,
            "detection": latest.detection,
            "procedure": "\n".join(latest.procedure),
            "documents": "\n".join(latest.documents),
            **{f"target_{key}": value for key, value in latest.targets.items()},
        }
    steps = latest.procedure if latest is not None else service_type.checklist or []
    for language in ("fa", "it"):
        known = getattr(service_type, f"checklist_{language}")
        initial[f"procedure_{language}"] = "\n".join(known.get(step, "") for step in steps)
    form = ProcessVersionForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        save=lambda data: services.process_version_create(
            service_type=service_type, by=request.user, **data
        ),
        title=_("New version of the process: %(type)s") % {"type": service_type},
        cancel_url=reverse("quality:process", args=[service_type.pk]),
        done=_("New version published; the old one stays readable."),
    )


@login_required
def review_create(request, pk: int):
    """Choose a period and see its KPIs against the targets (GET), then record the review with
    the findings and decisions (POST)."""
    require(request, ProcessReview, "add")
    service_type = _service_type(request, pk)
    form = ReviewForm(request.POST or request.GET or None)
    if request.method == "POST" and (
        response := submit(
            request,
            form,
            save=lambda data: services.review_create(
                service_type=service_type, by=request.user, **data
            ),
            done=_("Review recorded."),
        )
    ):
        return response
    preview = version = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        version = kpis.version_on(service_type, data["period_end"])
        preview = kpis.review_rows(
            service_type=service_type,
            start=data["period_start"],
            end=data["period_end"],
            version=version,
        )
    context = {
        "title": _("Periodic review: %(type)s") % {"type": service_type},
        "service_type": service_type,
        "form": form,
        "preview": preview,
        "version": version,
        "cancel_url": reverse("quality:process", args=[service_type.pk]),
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "quality/review_form.html", context, status=status)


def _review(request, pk):
    return get_object_or_404(
        ProcessReview.objects.restrict(request.user, "view").select_related(
            "service_type", "process_version", "created_by"
        ),
        pk=pk,
    )


@login_required
def review_detail(request, pk: int):
    review = _review(request, pk)
    rows = [kpis.ReviewRow.from_json(row) for row in review.kpis]
    return TemplateResponse(
        request, "quality/review_detail.html", {"obj": review, "title": str(review), "rows": rows}
    )


@login_required
def review_pdf(request, pk: int):
    review = _review(request, pk)
    rows = [kpis.ReviewRow.from_json(row) for row in review.kpis]
    pdf = render_pdf(
        "quality/review_document.html", {"obj": review, "rows": rows}, language=get_language()
    )
    return pdf_response(pdf, review.number)
