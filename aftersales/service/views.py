"""Pages of service delivery: the operator's queue and intake, a request's page, the
dispatcher's planning, the technician's day and visit page, and the customer's portal pages."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, F, IntegerField, When
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core import idempotency
from aftersales.core.access import can, customer_page
from aftersales.core.choices import Role
from aftersales.core.public import public_url
from aftersales.core.views.edit import errors_to_form, form_page, require
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.customers.models import Customer
from aftersales.customers.selectors import customers_find
from aftersales.knowledge.selectors import articles_for_request
from aftersales.units.models import Unit
from aftersales.units.selectors import units_find

from . import calendar, offline, proactive, selectors, services
from .choices import (
    OPEN_STATUSES,
    Channel,
    ContactStatus,
    DefectStatus,
    Priority,
    Status,
    VisitStatus,
)
from .filters import DefectFilter, RequestFilter, VisitFilter
from .forms import (
    CheckInForm,
    CloseForm,
    DepartForm,
    DiagnosisForm,
    PartForm,
    PhotoForm,
    ReferForm,
    RequestForm,
    RescheduleForm,
    ScheduleForm,
    SignatureForm,
    SupportForm,
    TransitionForm,
    TriageForm,
)
from .models import (
    Campaign,
    CampaignContact,
    DefectReport,
    RequestPhoto,
    ServiceRequest,
    Visit,
    VisitPhoto,
)

# planning and checking in a visit make these moves
BY_OTHER_MEANS = (Status.SCHEDULED, Status.IN_PROGRESS)


def _fail(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# --- the operator ------------------------------------------------------------------------------


class RequestList(ObjectListView):
    """The incoming queue: open requests first by priority."""

    model = ServiceRequest
    filterset_class = RequestFilter
    default_sort = "-queue_rank"
    select_related = ("service_type", "customer", "unit")
    title = gettext_lazy("Service requests")
    create_url = reverse_lazy("service:start")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("opened_at", gettext_lazy("Opened"), sort="opened_at", kind="datetime"),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column("unit.serial", gettext_lazy("Serial"), kind="serial"),
        Column("service_type.name", gettext_lazy("Service type")),
        Column("get_priority_display", gettext_lazy("Priority"), sort="priority"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("response_due", gettext_lazy("Response due"), sort="response_due", kind="datetime"),
        Column(
            "resolution_due", gettext_lazy("Resolution due"), sort="resolution_due", kind="datetime"
        ),
        Column(lambda obj: selectors.sla_flag(obj).label, gettext_lazy("Service level")),
    ]

    def base_queryset(self):
        # open ones rank above every finished one, each by priority
        return (
            super()
            .base_queryset()
            .annotate(
                queue_rank=Case(
                    When(status__in=OPEN_STATUSES, then=F("priority") + len(Priority)),
                    default=F("priority"),
                    output_field=IntegerField(),
                )
            )
        )


@login_required
def request_start(request):
    """Find the customer by phone (or name, national ID) or the unit by serial."""
    require(request, ServiceRequest, "add")
    query = request.GET.get("q", "").strip()
    customers = units = []
    if query:
        customers = list(customers_find(user=request.user, query=query)[:10])
        units = list(units_find(user=request.user, query=query)[:10])
    context = {
        "title": _("New service request"),
        "query": query,
        "customers": customers,
        "units": units,
    }
    return TemplateResponse(request, "service/start.html", context)


@login_required
def request_create(request, customer_id: int):
    require(request, ServiceRequest, "add")
    customer = get_object_or_404(Customer.objects.restrict(request.user, "view"), pk=customer_id)
    units = Unit.objects.restrict(request.user, "view").filter(owner=customer)
    chosen = request.GET.get("unit", "")
    unit = units.filter(pk=chosen).first() if chosen.isdigit() else None
    initial = {
        "unit": unit.pk if unit else None,
        "address": selectors.usual_address(customer, unit),
    }
    form = RequestForm(
        request.POST or None, initial=initial, user=request.user, customer=customer, units=units
    )

    def save(data):
        return services.request_open(by=request.user, customer=customer, **data)

    return form_page(
        request,
        form,
        save=save,
        title=_("New service request for %(name)s") % {"name": customer.display_name},
        done=_("The request was opened."),
        cancel_url=reverse("service:start"),
    )


@customer_page
@login_required
def request_detail(request, pk: int):
    obj = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    if request.user.role == Role.CUSTOMER:
        return redirect("service:portal_request", pk=pk)
    allowed = services.allowed_transitions(obj, request.user)
    transitions = [
        (status, Status(status).label)
        for status in allowed
        if status not in BY_OTHER_MEANS
        and not (status == Status.TRIAGED and obj.status == Status.NEW)
    ]
    can_support = obj.is_open and can(request.user, ServiceRequest, "change")
    context = {
        "title": obj.number,
        "obj": obj,
        "clocks": selectors.sla_clocks(obj),
        "visits": obj.visits.select_related("technician").order_by("window_start"),
        "changes": obj.status_changes.select_related("by"),
        "transitions": transitions,
        "can_triage": obj.status == Status.NEW and Status.TRIAGED in allowed,
        "can_schedule": can(request.user, Visit, "add")
        and obj.status not in (Status.NEW, Status.CLOSED, Status.CANCELLED, Status.RESOLVED)
        and selectors.visit_expected(obj),
        "triage_form": TriageForm(),
        "support_form": SupportForm(
            initial={"kind": "training" if obj.service_type.code == "training" else "remote"},
            articles=_articles(request, obj) if can_support else [],
        ),
        "can_support": can_support,
        "sessions": obj.support_sessions.select_related("by", "article"),
        "request_photos": obj.photos.all(),
    }
    return TemplateResponse(request, "service/request_detail.html", context)


def _articles(request, obj: ServiceRequest) -> list:
    """The knowledge-base articles a support session on `obj` may say it followed."""
    return articles_for_request(user=request.user, request=obj, limit=20)


@login_required
@require_POST
def request_triage(request, pk: int):
    obj = get_object_or_404(ServiceRequest.objects.restrict(request.user, "change"), pk=pk)
    form = TriageForm(request.POST)
    try:
        _valid(form)
        services.request_triage(
            request=obj,
            by=request.user,
            priority=form.cleaned_data["priority"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("The request was triaged."))
    except ValidationError as error:
        _fail(request, error)
    return redirect(obj)


@customer_page
@login_required
@require_POST
def request_transition(request, pk: int):
    """Move a request; customers may only cancel theirs (and reopen a resolved one)."""
    obj = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.request_transition(
            request=obj, to=form.cleaned_data["to"], by=request.user, note=form.cleaned_data["note"]
        )
        messages.success(request, _("The request was updated."))
    except ValidationError as error:
        _fail(request, error)
    except PermissionDenied:
        raise Http404 from None
    if request.user.role == Role.CUSTOMER:
        return redirect("service:portal_request", pk=pk)
    return redirect(obj)


@login_required
@require_POST
def support_record(request, pk: int):
    obj = get_object_or_404(ServiceRequest.objects.restrict(request.user, "change"), pk=pk)
    form = SupportForm(request.POST, articles=_articles(request, obj))
    try:
        _valid(form)
        services.support_record(request=obj, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
    except ValidationError as error:
        _fail(request, error)
    except PermissionDenied:
        raise Http404 from None
    return redirect(obj)


@customer_page
@login_required
@require_POST
def request_reschedule(request, pk: int):
    """Another day for the visit, asked by the customer (portal) or the desk."""
    obj = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    form = RescheduleForm(request.POST)
    customer = request.user.role == Role.CUSTOMER
    try:
        _valid(form)
        services.request_reschedule(
            request=obj, by=request.user, preferred_date=form.cleaned_data["preferred_date"]
        )
        messages.success(request, _("We will plan the visit for the new day."))
    except ValidationError as error:
        if customer and (not form.is_valid() or hasattr(error, "error_dict")):
            # the portal shows the refusal next to the day the customer typed, which it keeps
            if form.is_valid():
                errors_to_form(form, error)
            return _portal_request_page(request, obj, reschedule_form=form, status=400)
        _fail(request, error)
    except PermissionDenied:
        raise Http404 from None
    if customer:
        return redirect("service:portal_request", pk=pk)
    return redirect(obj)


# --- the dispatcher ----------------------------------------------------------------------------


@login_required
def visit_schedule(request, pk: int):
    require(request, Visit, "add")
    obj = get_object_or_404(ServiceRequest.objects.restrict(request.user, "change"), pk=pk)
    form = ScheduleForm(request.POST or None, user=request.user, service_request=obj)

    def save(data):
        services.visit_schedule(request=obj, by=request.user, **data)
        return obj

    return form_page(
        request,
        form,
        save=save,
        title=_("Plan a visit for %(number)s") % {"number": obj.number},
        done=_("The visit was planned."),
        cancel_url=obj.get_absolute_url(),
    )


class VisitList(ObjectListView):
    model = Visit
    filterset_class = VisitFilter
    default_sort = "window_start"
    select_related = ("request", "request__customer", "technician")
    title = gettext_lazy("Visits")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("request.number", gettext_lazy("Request"), kind="serial"),
        Column("request.customer.display_name", gettext_lazy("Customer")),
        Column("technician.full_name", gettext_lazy("Technician"), sort="technician__last_name"),
        Column("window_start", gettext_lazy("Promised from"), sort="window_start", kind="datetime"),
        Column("window_end", gettext_lazy("Promised until"), kind="datetime"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("get_result_display", gettext_lazy("Result")),
    ]

    def can_create(self) -> bool:
        return False


# --- the technician ----------------------------------------------------------------------------


@login_required
def today(request):
    """The technician's visits of the day, in order: made for a phone."""
    context = {"title": _("Today's visits"), "visits": selectors.visits_today(user=request.user)}
    return offline.keep_offline(request, TemplateResponse(request, "service/today.html", context))


def _visit_for(request, pk: int, action: str = "view") -> Visit:
    return get_object_or_404(
        Visit.objects.restrict(request.user, action).select_related(
            "request",
            "request__customer",
            "request__unit",
            "request__service_type",
            "technician",
            "follow_up_of",
        ),
        pk=pk,
    )


@customer_page
@login_required
def visit_detail(request, pk: int):
    visit = _visit_for(request, pk)
    if request.user.role == Role.CUSTOMER:
        return redirect("service:portal_request", pk=visit.request_id)
    return _visit_page(request, visit)


def _visit_page(request, visit: Visit, *, status: int = 200, **forms):
    """The visit page; `forms` replaces blank forms with refused ones, so that what the
    technician typed stays on the page with its errors."""
    service_type = visit.request.service_type
    steps = service_type.checklist
    initial = {"diagnosis": visit.diagnosis, "failure_codes": visit.failure_codes.all()}
    initial.update({f"step_{i}": bool(visit.checklist.get(s)) for i, s in enumerate(steps)})
    may_work = can(request.user, Visit, "change") and services.visit_workable_by(
        visit, request.user
    )
    context = {
        "title": visit.number,
        "visit": visit,
        "may_work": may_work,
        "on_site": visit.status == VisitStatus.ON_SITE,
        "planned": visit.status == VisitStatus.PLANNED,
        "diagnosis_form": DiagnosisForm(
            initial=initial, user=request.user, service_type=service_type
        ),
        "part_form": PartForm(user=request.user),
        "photo_form": PhotoForm(),
        "signature_form": SignatureForm(initial={"signed_by": visit.request.customer.display_name}),
        "close_form": CloseForm(),
        "depart_form": DepartForm(),
        "refer_form": ReferForm(),
        "may_refer": can(request.user, DefectReport, "add") and visit.request.unit_id is not None,
        "reports": visit.defect_reports.all(),
        "parts": visit.parts.select_related("part", "warehouse"),
        "photos": visit.photos.all(),
        "request_photos": visit.request.photos.all(),
    }
    context.update(forms)
    response = TemplateResponse(request, "service/visit_detail.html", context, status=status)
    return offline.keep_offline(request, response)


VISIT_STEPS = ("depart", "check_in", "record", "part", "photo", "sign", "close", "cancel", "refer")
# the context name of each step's form on the visit page
STEP_FORMS = {
    "depart": "depart_form",
    "record": "diagnosis_form",
    "part": "part_form",
    "photo": "photo_form",
    "sign": "signature_form",
    "close": "close_form",
    "refer": "refer_form",
}


@login_required
@require_POST
def visit_action(request, pk: int, step: str):
    """One step of the visit page; errors come back as messages on the page, and a refused
    form comes back as typed, with its errors.

    A write carrying an idempotency key (the `idempotency_key` field or the `Idempotency-Key`
    header: the phone's outbox entry, docs/service.md "Working without signal") is done once:
    sent again, it is not done again (`core.IdempotencyRecord`). A write from the outbox
    (`X-Aftersales-Outbox`: the user it was made by) is answered in JSON: done, refused with
    the reason, or "wait" (not this user's session: it stays on the phone)."""
    if step not in VISIT_STEPS:
        raise Http404
    outbox = offline.from_outbox(request)
    if outbox and not offline.outbox_user_matches(request):
        return JsonResponse({"state": "wait"}, status=409)
    try:
        visit = _visit_for(request, pk, "change")
    except Http404:
        if not outbox:
            raise
        message = _("This visit is no longer yours, or no longer exists.")
        return JsonResponse({"state": "refused", "message": message}, status=404)
    try:
        key = offline.idempotency_key(request)
        with transaction.atomic():
            record = None
            if key:
                fp = offline.form_fingerprint(request)
                record, replay = idempotency.reserve(request, key, fp=fp)
                if replay is not None:
                    return _replayed(request, visit, replay, outbox=outbox)
            message = _visit_step(request, visit, step)
            if record is not None:
                record.status = 200
                record.body = {"state": "done", "message": message}
                record.save(update_fields=["status", "body"])
    except ValidationError as error:
        form = getattr(error, "form", None)
        if outbox:
            status = 400 if form is not None and form.errors else 409
            return JsonResponse(
                {"state": "refused", "message": " ".join(_messages_of(error))}, status=status
            )
        _fail(request, error)
        if form is None:
            return redirect(visit)
        if not form.errors:  # the form was valid: the service refused
            errors_to_form(form, error)
        return _visit_page(request, visit, status=400, **{STEP_FORMS[step]: form})
    except PermissionDenied:
        if outbox:
            message = _("This visit is no longer yours, or no longer exists.")
            return JsonResponse({"state": "refused", "message": message}, status=404)
        raise Http404 from None
    if outbox:
        return JsonResponse({"state": "done", "message": message})
    messages.success(request, message)
    return redirect(visit)


def _visit_step(request, visit: Visit, step: str):
    """Does one step of the visit page and gives the message to show; a ValidationError when
    refused, with the step's form (when there is one) as its `form`."""
    user = request.user
    form = None
    message = _("Saved.")
    try:
        if step == "depart":
            form = DepartForm(request.POST)
            _valid(form)
            services.visit_depart(visit=visit, by=user, minutes=form.cleaned_data["minutes"])
        elif step == "check_in":
            reported = offline.reported_at(request)
            data = _position(request)
            services.visit_check_in(
                visit=visit,
                by=user,
                latitude=data.get("latitude"),
                longitude=data.get("longitude"),
                reported_at=reported,
            )
        elif step == "record":
            form = DiagnosisForm(request.POST, user=user, service_type=visit.request.service_type)
            _valid(form)
            services.visit_record(
                visit=visit,
                by=user,
                diagnosis=form.cleaned_data["diagnosis"],
                failure_codes=form.cleaned_data["failure_codes"],
                checklist=form.checklist(),
            )
        elif step == "part":
            form = PartForm(request.POST, user=user)
            _valid(form)
            services.visit_add_part(visit=visit, by=user, **form.cleaned_data)
        elif step == "photo":
            form = PhotoForm(request.POST, request.FILES)
            _valid(form)
            services.visit_add_photo(visit=visit, by=user, **form.cleaned_data)
        elif step == "sign":
            form = SignatureForm(request.POST)
            _valid(form)
            services.visit_sign(
                visit=visit,
                by=user,
                data_url=form.cleaned_data["signature"],
                signed_by=form.cleaned_data["signed_by"],
            )
        elif step == "close":
            form = CloseForm(request.POST)
            _valid(form)
            reported = offline.reported_at(request)
            services.visit_close(visit=visit, by=user, reported_at=reported, **form.cleaned_data)
        elif step == "cancel":
            services.visit_cancel(visit=visit, by=user)
        elif step == "refer":
            form = ReferForm(request.POST)
            _valid(form)
            report = services.defect_report_raise(visit=visit, by=user, **form.cleaned_data)
            message = _("Defect report %(number)s was sent to production.") % {
                "number": report.number
            }
    except ValidationError as error:
        error.form = form
        raise
    return message


def _position(request) -> dict:
    """The position the browser gave at check-in; one it could not give is left out, not
    refused."""
    form = CheckInForm(request.POST)
    return form.cleaned_data if form.is_valid() else {}


def _messages_of(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [str(message) for messages_ in error.message_dict.values() for message in messages_]
    return [str(message) for message in error.messages]


def _replayed(request, visit: Visit, replay, *, outbox: bool):
    """A write sent again with the key of one already done: done (nothing done again), or
    refused when the key was used for a different write."""
    body = json.loads(replay.content or b"{}")
    if replay.status_code >= 400:
        message = body.get("detail") or _("This change could not be saved.")
        if outbox:
            return JsonResponse({"state": "refused", "message": message}, status=422)
        messages.error(request, message)
        return redirect(visit)
    message = _("This change was already saved.")
    if outbox:
        return JsonResponse({"state": "done", "message": message, "replayed": True})
    messages.info(request, message)
    return redirect(visit)


def _valid(form) -> None:
    """A form's errors as a ValidationError, one sentence per field."""
    if form.is_valid():
        return
    errors = []
    for name, messages_ in form.errors.items():
        field = form.fields.get(name)
        errors.append(
            _("%(field)s: %(errors)s")
            % {"field": field.label if field else "", "errors": " ".join(messages_)}
        )
    raise ValidationError(errors)


@customer_page
@login_required
def photo(request, pk: int):
    """A visit photo, only to those who may see the visit."""
    obj = get_object_or_404(VisitPhoto.objects.restrict(request.user, "view"), pk=pk)
    return FileResponse(obj.image.open("rb"), as_attachment=False)


@customer_page
@login_required
def request_photo(request, pk: int):
    """A request's photo, to those who may see the request (a customer: their own)."""
    obj = get_object_or_404(RequestPhoto.objects.restrict(request.user, "view"), pk=pk)
    return FileResponse(obj.image.open("rb"), as_attachment=False)


@customer_page
@login_required
def signature(request, pk: int):
    visit = _visit_for(request, pk)
    if not visit.signature:
        raise Http404
    return FileResponse(visit.signature.open("rb"), content_type="image/png")


# --- production's quality queue ---------------------------------------------------------------


class DefectList(ObjectListView):
    model = DefectReport
    filterset_class = DefectFilter
    select_related = ("unit", "unit__product_model", "visit")
    title = gettext_lazy("Defect reports")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("raised_at", gettext_lazy("Raised"), sort="raised_at", kind="datetime"),
        Column("unit.product_model.code", gettext_lazy("Model"), kind="serial"),
        Column("unit.serial", gettext_lazy("Serial"), kind="serial"),
        Column("batch", gettext_lazy("Production batch"), sort="batch", kind="serial"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
    ]

    def can_create(self) -> bool:
        return False


@login_required
def defect_detail(request, pk: int):
    report = get_object_or_404(
        DefectReport.objects.restrict(request.user, "view").select_related(
            "unit", "unit__product_model", "visit", "visit__request"
        ),
        pk=pk,
    )
    if request.method == "POST":
        report = get_object_or_404(DefectReport.objects.restrict(request.user, "change"), pk=pk)
        try:
            services.defect_report_set_status(
                report=report, status=request.POST.get("status", ""), by=request.user
            )
            messages.success(request, _("Saved."))
        except ValidationError as error:
            _fail(request, error)
        except PermissionDenied:
            raise Http404 from None
        return redirect(report)
    context = {
        "title": report.number,
        "report": report,
        "visit": report.visit,
        "statuses": DefectStatus.choices if can(request.user, DefectReport, "change") else [],
    }
    return TemplateResponse(request, "service/defect_detail.html", context)


# --- campaigns (recalls, field campaigns) -----------------------------------------------------


class CampaignList(ObjectListView):
    model = Campaign
    default_sort = "-pk"
    select_related = ("product_model",)
    title = gettext_lazy("Campaigns")
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name"),
        Column("product_model.code", gettext_lazy("Model"), kind="serial"),
        Column("batch_from", gettext_lazy("From batch"), kind="serial"),
        Column("batch_to", gettext_lazy("To batch"), kind="serial"),
        Column("launched_at", gettext_lazy("Launched"), sort="launched_at", kind="datetime"),
    ]

    def base_queryset(self):
        return super().base_queryset().distinct()

    def can_create(self) -> bool:
        return False  # campaigns are defined in the administration


@login_required
def campaign_detail(request, pk: int):
    campaign = get_object_or_404(Campaign.objects.restrict(request.user, "view").distinct(), pk=pk)
    if request.method == "POST":
        campaign = get_object_or_404(Campaign.objects.restrict(request.user, "change"), pk=pk)
        try:
            made = proactive.campaign_launch(campaign=campaign, by=request.user)
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("%(count)s owners added to the campaign.") % {"count": made})
        return redirect(campaign)
    contacts = (
        CampaignContact.objects.restrict(request.user, "view")
        .filter(campaign=campaign)
        .select_related("unit", "unit__owner", "request")
    )
    context = {
        "title": str(campaign),
        "campaign": campaign,
        "contacts": contacts,
        "statuses": ContactStatus.choices,
        "can_launch": can(request.user, Campaign, "change"),
        "can_record": can(request.user, CampaignContact, "change"),
    }
    return TemplateResponse(request, "service/campaign_detail.html", context)


@login_required
@require_POST
def campaign_contact(request, pk: int):
    contact = get_object_or_404(CampaignContact.objects.restrict(request.user, "change"), pk=pk)
    try:
        proactive.campaign_contact_record(
            contact=contact,
            status=request.POST.get("status", ""),
            note=request.POST.get("note", ""),
            by=request.user,
        )
        messages.success(request, _("Saved."))
    except ValidationError as error:
        _fail(request, error)
    except PermissionDenied:
        raise Http404 from None
    return redirect(contact.campaign)


# --- the customer's portal ---------------------------------------------------------------------


def _customer(request) -> Customer:
    customer = getattr(request.user, "customer", None)
    if request.user.role != Role.CUSTOMER or customer is None:
        raise Http404
    return customer


@customer_page
@login_required
def portal_requests(request):
    _customer(request)
    context = {
        "title": _("My service requests"),
        "requests": selectors.with_coming_visit(
            selectors.requests_for(request.user).order_by("-opened_at")
        ),
    }
    return TemplateResponse(request, "service/portal_requests.html", context)


@customer_page
@login_required
def portal_request_create(request):
    customer = _customer(request)
    units = Unit.objects.restrict(request.user, "view").filter(owner=customer)
    form = RequestForm(
        request.POST or None,
        initial={"unit": request.GET.get("unit")},
        user=request.user,
        customer=customer,
        units=units,
        portal=True,
    )

    def save(data):
        obj = services.request_open(by=request.user, customer=customer, channel=Channel.WEB, **data)
        return _PortalTarget(obj)

    return form_page(
        request,
        form,
        save=save,
        title=_("Open a service request"),
        done=_("Your request was received."),
        cancel_url=reverse("service:portal_requests"),
    )


class _PortalTarget:
    """Makes `form_page` redirect to the portal's page of the request."""

    def __init__(self, obj):
        self.obj = obj

    def get_absolute_url(self):
        return reverse("service:portal_request", args=[self.obj.pk])


@customer_page
@login_required
def portal_request(request, pk: int):
    _customer(request)
    obj = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    return _portal_request_page(request, obj)


def _portal_request_page(request, obj, *, reschedule_form=None, status=200):
    allowed = services.allowed_transitions(obj, request.user)
    context = {
        "title": obj.number,
        "obj": obj,
        "visits": obj.visits.select_related("technician")
        .prefetch_related("failure_codes", "parts__part", "photos")
        .order_by("window_start"),
        "can_cancel": Status.CANCELLED in allowed,
        "can_reschedule": obj.status in (Status.NEW, Status.TRIAGED, Status.SCHEDULED),
        "reschedule_form": reschedule_form
        or RescheduleForm(initial={"preferred_date": obj.preferred_date}),
        "can_reopen": Status.REOPENED in allowed,
        "request_photos": obj.photos.all(),  # the ones they sent by e-mail
    }
    return TemplateResponse(request, "service/portal_request.html", context, status=status)


# --- the technician's visits in their phone's calendar -----------------------------------------


@login_required
def calendar_link(request):
    """Create, replace or stop the secret link a phone's calendar subscribes to; a new link is
    shown once."""
    if not calendar.may_subscribe(request.user):
        raise Http404
    new_url = None
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            calendar.calendar_link_stop(user=request.user)
            messages.success(request, _("The calendar link was stopped."))
            return redirect("service:calendar_link")
        key = calendar.calendar_link_renew(user=request.user)
        new_url = public_url(reverse("service:calendar_feed", args=[key]))
    context = {
        "title": _("My visits in my calendar"),
        "feed": calendar.link_of(request.user),
        "new_url": new_url,
        "webcal_url": new_url and "webcal://" + new_url.split("://", 1)[1],
    }
    return TemplateResponse(request, "service/calendar_link.html", context)


def calendar_feed(request, key: str):
    """The iCalendar feed of a technician's visits, read by their calendar app with the key."""
    user = calendar.reader(key)
    if user is None:
        raise Http404
    response = HttpResponse(calendar.feed(user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="visits.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
