"""Pages of the workshop: the queue, the intake form (from a request's page), a job's page with
its moves, the intake receipt, and the signatures."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BigIntegerField, Case, F, Value, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.access import can, customer_page
from aftersales.core.choices import Role
from aftersales.core.documents import pdf_response
from aftersales.core.views.edit import errors_to_form, form_page, require
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.customers.models import Customer
from aftersales.service.forms import PartForm, SignatureForm
from aftersales.service.models import ServiceRequest
from aftersales.units.models import Unit

from . import documents, selectors, services
from .choices import ACTIVE_STATUSES, JobStatus
from .filters import JobFilter
from .forms import (
    BenchForm,
    CancelForm,
    NoteForm,
    ReadyForm,
    ReceiveForm,
    ReturnForm,
    WalkInForm,
)
from .models import WorkshopJob

GONE = 2**40  # ranks a finished job after every job still here


class JobList(ObjectListView):
    """The workshop queue: the units in our hands, the longest waiting first."""

    model = WorkshopJob
    filterset_class = JobFilter
    default_sort = "queue"
    select_related = ("request", "request__customer", "unit", "unit__product_model", "workshop")
    title = gettext_lazy("Workshop")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("received_at", gettext_lazy("Received"), sort="received_at", kind="datetime"),
        Column("request.number", gettext_lazy("Request"), kind="serial"),
        Column("request.customer.display_name", gettext_lazy("Customer")),
        Column("unit.serial", gettext_lazy("Serial"), sort="unit__serial", kind="serial"),
        Column("unit.product_model.name", gettext_lazy("Model")),
        Column("workshop.name", gettext_lazy("Workshop"), sort="workshop__name"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("days_in_workshop", gettext_lazy("Days in the workshop"), kind="number"),
    ]

    def base_queryset(self):
        # the units in our hands first, in the order they came; then the others, newest first
        return (
            super()
            .base_queryset()
            .annotate(
                queue=Case(
                    When(status__in=ACTIVE_STATUSES, then=F("pk")),
                    default=Value(GONE, output_field=BigIntegerField()) - F("pk"),
                    output_field=BigIntegerField(),
                )
            )
        )

    def can_create(self) -> bool:
        return False  # a unit is received from its request's page


@login_required
def job_receive(request, request_id: int):
    """Receive a request's unit in a workshop (from the request's page)."""
    require(request, WorkshopJob, "add")
    obj = get_object_or_404(ServiceRequest.objects.restrict(request.user, "change"), pk=request_id)
    form = ReceiveForm(request.POST or None, user=request.user)

    def save(data):
        return services.job_receive(request=obj, by=request.user, **data)

    return form_page(
        request,
        form,
        save=save,
        title=_("Receive the unit of %(number)s in the workshop") % {"number": obj.number},
        done=_("The unit was received. Print the intake receipt for the customer."),
        cancel_url=obj.get_absolute_url(),
    )


@login_required
def walk_in(request, customer_id: int):
    """A customer walks in with their unit: open the request and receive the unit in one page."""
    require(request, ServiceRequest, "add")
    require(request, WorkshopJob, "add")
    customer = get_object_or_404(Customer.objects.restrict(request.user, "view"), pk=customer_id)
    units = Unit.objects.restrict(request.user, "view").filter(owner=customer)
    form = WalkInForm(
        request.POST or None,
        initial={"unit": request.GET.get("unit")},
        user=request.user,
        units=units,
    )

    def save(data):
        return services.walk_in_receive(by=request.user, customer=customer, **data)

    return form_page(
        request,
        form,
        save=save,
        title=_("Walk-in repair for %(name)s") % {"name": customer.display_name},
        done=_("The request was opened and the unit received. Print the intake receipt."),
        cancel_url=reverse("service:start"),
    )


def _job(request, pk: int, action: str = "view") -> WorkshopJob:
    return get_object_or_404(selectors.jobs_for(request.user, action), pk=pk)


@customer_page
@login_required
def job_detail(request, pk: int):
    job = _job(request, pk)
    if request.user.role == Role.CUSTOMER:
        return redirect("service:portal_request", pk=job.request_id)
    return _job_page(request, job)


def _job_page(request, job: WorkshopJob, *, status: int = 200, **forms):
    """The job's page; `forms` replaces blank forms with refused ones, with their errors."""
    moves = (
        services.allowed_moves(job, request.user)
        if can(request.user, WorkshopJob, "change")
        else []
    )
    customer = job.request.customer
    context = {
        "title": job.number,
        "job": job,
        "moves": moves,
        "bench_visits": job.bench_visits.select_related("technician").order_by("pk"),
        "changes": job.status_changes.select_related("by"),
        "bench_form": BenchForm(user=request.user, job=job),
        "wait_form": NoteForm(),
        "ready_form": ReadyForm(initial={"handover": "collection", "repaired": "yes"}),
        "return_form": ReturnForm(initial={"returned_to": customer.display_name}),
        "cancel_form": CancelForm(),
        "sign_form": SignatureForm(initial={"signed_by": customer.display_name}),
        "can_sign": bool(moves) and job.status == JobStatus.RECEIVED,
        "days": job.days_in_workshop(),
        "part_form": PartForm(user=request.user),
        "may_use_parts": bool(moves)
        and job.status == JobStatus.ON_BENCH
        and job.workshop.warehouse_id is not None,
    }
    context.update(forms)
    return TemplateResponse(request, "workshop/job_detail.html", context, status=status)


STEPS = {
    "bench": (BenchForm, "bench_form"),
    "wait": (NoteForm, "wait_form"),
    "ready": (ReadyForm, "ready_form"),
    "return": (ReturnForm, "return_form"),
    "cancel": (CancelForm, "cancel_form"),
    "sign": (SignatureForm, "sign_form"),
    "part": (PartForm, "part_form"),
}


@login_required
@require_POST
def job_action(request, pk: int, step: str):
    """One move of the job's page; a refused form comes back as typed, with its errors."""
    if step not in STEPS:
        raise Http404
    job = _job(request, pk, "change")
    form_class, name = STEPS[step]
    if form_class is BenchForm:
        form = BenchForm(request.POST, user=request.user, job=job)
    elif form_class is PartForm:
        form = PartForm(request.POST, user=request.user)
    else:
        form = form_class(request.POST)
    user = request.user
    try:
        if not form.is_valid():
            raise ValidationError(_("Check the form."))
        data = form.cleaned_data
        if step == "bench":
            visit = services.job_start_bench(
                job=job, technician=data["technician"], by=user, note=data["note"]
            )
            messages.success(request, _("The unit is on the bench: record the work on the visit."))
            return redirect(visit)
        if step == "wait":
            services.job_wait_for_parts(job=job, by=user, note=data["note"])
        elif step == "ready":
            services.job_ready(job=job, by=user, **data)
        elif step == "return":
            services.job_return(
                job=job,
                by=user,
                returned_to=data["returned_to"],
                data_url=data["signature"],
                note=data["note"],
            )
        elif step == "cancel":
            services.job_cancel(job=job, by=user, reason=data["reason"])
        elif step == "part":
            services.bench_add_part(job=job, by=user, **data)
        elif step == "sign":
            services.job_sign_intake(
                job=job, by=user, data_url=data["signature"], signed_by=data["signed_by"]
            )
    except ValidationError as error:
        if form.is_valid():
            errors_to_form(form, error)
        for message in error.messages:
            messages.error(request, message)
        job.refresh_from_db()
        return _job_page(request, job, status=400, **{name: form})
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("Saved."))
    return redirect(job)


@customer_page
@login_required
def receipt(request, pk: int):
    """The intake receipt as a PDF, in the customer's language (or the one asked for)."""
    job = _job(request, pk)
    language = request.GET.get("language")
    languages = dict(settings.LANGUAGES)
    pdf = documents.receipt_pdf(job, language=language if language in languages else None)
    return pdf_response(pdf, job.number)


@customer_page
@login_required
def signature(request, pk: int, which: str):
    job = _job(request, pk)
    image = {"intake": job.intake_signature, "return": job.return_signature}.get(which)
    if not image:
        raise Http404
    return FileResponse(image.open("rb"), content_type="image/png")
