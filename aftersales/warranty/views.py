"""Staff pages of the warranty: policies, a unit's warranty, claims and their review, the card,
and the public verification page (no login, no personal data)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.text import normalize_serial
from aftersales.core.views.edit import errors_to_form, form_page, require
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.units.models import Unit

from . import cards, selectors, services
from .adjudication import reason_text
from .choices import LineKind
from .coverage import Line, coverage_for
from .filters import ClaimFilter, PolicyFilter
from .forms import (
    ContractForm,
    DecideForm,
    GuaranteeForm,
    PartCoverageForm,
    PolicyForm,
    VerifyForm,
)
from .models import Claim, ExtendedContract, LegalMinimum, WarrantyPolicy

CARD_LANGUAGES = ("fa", "it", "en")


def _applies_to(policy):
    return policy.product_model.code if policy.product_model_id else policy.category.name


def _months(policy):
    return policy.months if policy.months is not None else "—"


class PolicyList(ObjectListView):
    model = WarrantyPolicy
    filterset_class = PolicyFilter
    default_sort = "name"
    select_related = ("product_model", "category")
    columns = [
        Column("name", gettext_lazy("Name"), sort="name", link=True),
        Column(_applies_to, gettext_lazy("Applies to")),
        Column("get_start_event_display", gettext_lazy("Starts at"), sort="start_event"),
        Column(_months, gettext_lazy("Months"), sort="months"),
        Column("usage_limit", gettext_lazy("Usage limit"), sort="usage_limit"),
        Column("valid_from", gettext_lazy("For units from"), sort="valid_from", kind="date"),
    ]

    @property
    def create_url(self):
        return reverse("warranty:policy_create")


class ClaimList(ObjectListView):
    model = Claim
    filterset_class = ClaimFilter
    default_sort = "-submitted_at"
    select_related = ("unit", "agent")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("unit.serial", gettext_lazy("Unit"), sort="unit__serial", kind="serial"),
        Column("agent.name", gettext_lazy("Agent")),
        Column("failure_date", gettext_lazy("Failure date"), sort="failure_date", kind="date"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("claimed_total", gettext_lazy("Claimed"), sort="claimed_total"),
        Column("approved_total", gettext_lazy("Approved"), sort="approved_total"),
        Column("submitted_at", gettext_lazy("Submitted"), sort="submitted_at", kind="datetime"),
    ]

    def can_create(self):
        return False


@login_required
def policy_detail(request, pk: int):
    policy = get_object_or_404(
        WarrantyPolicy.objects.restrict(request.user, "view").select_related(
            "product_model", "category"
        ),
        pk=pk,
    )
    return _policy_page(request, policy)


def _policy_page(request, policy, *, part_form=None, guarantee_form=None, status=200):
    can_change = WarrantyPolicy.policy.allows(request.user, "change")
    context = {
        "obj": policy,
        "title": str(policy),
        "overrides": policy.part_overrides.select_related("part"),
        "guarantees": policy.guarantees.all(),
        "can_change": can_change,
        "part_form": (part_form or PartCoverageForm(user=request.user)) if can_change else None,
        "guarantee_form": (guarantee_form or GuaranteeForm()) if can_change else None,
    }
    return TemplateResponse(request, "warranty/policy_detail.html", context, status=status)


@login_required
@require_POST
def policy_part_set(request, pk: int):
    """Cover a part differently under the policy (e.g. a compressor for 60 months)."""
    policy = get_object_or_404(WarrantyPolicy.objects.restrict(request.user, "change"), pk=pk)
    form = PartCoverageForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.part_coverage_set(policy=policy, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Part rule saved."))
            return redirect(policy)
    return _policy_page(request, policy, part_form=form, status=400)


@login_required
@require_POST
def policy_guarantee_set(request, pk: int):
    """Add or change one guarantee rule of the policy."""
    policy = get_object_or_404(WarrantyPolicy.objects.restrict(request.user, "change"), pk=pk)
    form = GuaranteeForm(request.POST)
    if form.is_valid():
        try:
            services.guarantee_set(policy=policy, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Guarantee saved."))
            return redirect(policy)
    return _policy_page(request, policy, guarantee_form=form, status=400)


@login_required
def policy_create(request):
    require(request, WarrantyPolicy, "add")
    form = PolicyForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.policy_create(by=request.user, **data),
        title=_("New warranty policy"),
        cancel_url=reverse("warranty:policies"),
        done=_("Warranty policy created."),
    )


@login_required
def policy_edit(request, pk: int):
    policy = get_object_or_404(WarrantyPolicy.objects.restrict(request.user, "change"), pk=pk)
    form = PolicyForm(request.POST or None, instance=policy, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.policy_update(policy=policy, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": policy},
        cancel_url=policy.get_absolute_url(),
        done=_("Changes saved."),
    )


@login_required
def legal_list(request):
    rows = LegalMinimum.objects.restrict(request.user, "view").select_related("category")
    return TemplateResponse(
        request, "warranty/legal_list.html", {"rows": rows, "title": _("Legal minimums")}
    )


def _unit(request, pk: int, action: str = "view") -> Unit:
    queryset = Unit.objects.restrict(request.user, action).select_related(
        "product_model__category", "owner"
    )
    return get_object_or_404(queryset, pk=pk)


@login_required
def unit_warranty(request, pk: int):
    """A unit's warranty today: each line's cover, the ends, contracts, claims, repeat repairs."""
    unit = _unit(request, pk)
    user = request.user
    decision = coverage_for(
        unit=unit,
        on=timezone.now(),
        lines=[Line(LineKind.PART), Line.labour(), Line.travel()],
    )
    context = {
        "unit": unit,
        "title": _("Warranty of %(serial)s") % {"serial": unit.serial},
        "decision": decision,
        "contracts": ExtendedContract.objects.restrict(user, "view").filter(unit=unit),
        "claims": Claim.objects.restrict(user, "view").filter(unit=unit)[:50],
        "repairs": selectors.unit_repairs(unit=unit) if Claim.policy.allows(user, "view") else [],
        "can_sell": ExtendedContract.policy.allows(user, "add"),
        "card_languages": [
            (code, name) for code, name in settings.LANGUAGES if code in CARD_LANGUAGES
        ],
        "staff": user.is_staff_role,
    }
    return TemplateResponse(request, "warranty/unit.html", context)


@login_required
def contract_create(request, pk: int):
    unit = _unit(request, pk)
    require(request, ExtendedContract, "add")
    form = ContractForm(request.POST or None)

    def save(data):
        services.contract_create(unit=unit, by=request.user, **data)
        return unit

    return form_page(
        request,
        form,
        save=save,
        title=_("New contract for %(serial)s") % {"serial": unit.serial},
        cancel_url=reverse("warranty:unit", args=[unit.pk]),
        done=_("Contract created."),
    )


@login_required
def unit_card(request, pk: int):
    """The warranty card as a PDF in the asked language (the user's by default)."""
    unit = _unit(request, pk)
    language = request.GET.get("lang") or (get_language() or "en")[:2]
    if language not in CARD_LANGUAGES:
        raise Http404
    verify = request.build_absolute_uri(
        reverse("warranty:verify") + f"?serial={unit.serial}&code={cards.card_code(unit)}"
    )
    pdf = cards.card_pdf(unit=unit, language=language, verify_url=verify)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="warranty-{unit.serial}-{language}.pdf"'
    return response


def verify(request):
    """Public: serial + card code → covered until when. Nothing about the owner is shown."""
    form = VerifyForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        serial = normalize_serial(form.cleaned_data["serial"])
        candidates = Unit.objects.filter(serial=serial).select_related("product_model", "owner")
        unit = next(
            (u for u in candidates if cards.code_matches(u, form.cleaned_data["code"])), None
        )
        if unit is None:
            result = {"found": False}
        else:
            decision = coverage_for(unit=unit, on=timezone.now())
            result = {
                "found": True,
                "serial": unit.serial,
                "model": unit.product_model.name,
                "covered": decision.covered,
                "until": decision.covered_until,
            }
    return TemplateResponse(
        request,
        "warranty/verify.html",
        {"form": form, "result": result, "title": _("Check a warranty")},
    )


@login_required
def claim_detail(request, pk: int):
    claim = get_object_or_404(
        Claim.objects.restrict(request.user, "view").select_related(
            "unit__product_model", "agent", "submitted_by", "decided_by"
        ),
        pk=pk,
    )
    return _claim_page(request, claim)


def _claim_page(request, claim, form=None, status=200):
    can_decide = Claim.objects.restrict(request.user, "change").filter(pk=claim.pk).exists()
    context = {
        "obj": claim,
        "title": str(claim),
        "reasons": [reason_text(reason) for reason in claim.reasons],
        "lines": claim.parts.select_related("part"),
        "codes": claim.failure_codes.all(),
        "form": (form or DecideForm()) if can_decide else None,
    }
    return TemplateResponse(request, "warranty/claim_detail.html", context, status=status)


@login_required
@require_POST
def claim_decide(request, pk: int):
    claim = get_object_or_404(Claim.objects.restrict(request.user, "change"), pk=pk)
    form = DecideForm(request.POST)
    if form.is_valid():
        try:
            services.claim_decide(
                claim=claim,
                to=form.cleaned_data["to"],
                by=request.user,
                note=form.cleaned_data["note"],
                approved_total=form.cleaned_data["approved_total"],
            )
        except PermissionDenied:
            form.add_error("to", _("You may not make this decision on this claim."))
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Decision saved."))
            return redirect(claim)
    return _claim_page(request, claim, form=form, status=400)


@login_required
def review_queue(request):
    claims = selectors.review_queue(user=request.user)
    return TemplateResponse(
        request,
        "warranty/review.html",
        {"claims": claims[:200], "title": _("Claims to review")},
    )


@login_required
def lemon_list(request):
    rows = list(selectors.lemons(user=request.user)[:200])
    return TemplateResponse(
        request, "warranty/lemons.html", {"rows": rows, "title": _("Repeat repairs")}
    )
