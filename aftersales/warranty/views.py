"""Staff pages of the warranty: policies, a unit's warranty, claims and their review, the card,
and the public verification page (no login, no personal data)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.access import customer_page
from aftersales.core.documents import pdf_response
from aftersales.core.text import normalize_serial
from aftersales.core.views.edit import errors_to_form, form_page, require, submit
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.units.models import Unit

from . import cards, selectors, services
from .adjudication import reason_text
from .choices import LineKind, Submitter
from .coverage import Line, coverage_for
from .filters import ClaimFilter, PolicyFilter, RecoveryFilter
from .forms import (
    ClaimForm,
    ClaimPartFormSet,
    ContractForm,
    DecideForm,
    GuaranteeAcceptForm,
    GuaranteeForm,
    LegalMinimumForm,
    PartCoverageForm,
    PolicyForm,
    RecoveryForm,
    RecoveryMoveForm,
    ReturnAuthorizeForm,
    StandardTimeForm,
    VerifyForm,
)
from .models import (
    Claim,
    ClaimPart,
    ExtendedContract,
    GuaranteeAction,
    LegalMinimum,
    StandardTime,
    SupplierRecovery,
    WarrantyPolicy,
)

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
        return Claim.policy.allows(self.request.user, "add")

    @property
    def create_url(self):
        return reverse("warranty:claim_create")


class RecoveryList(ObjectListView):
    """Claims passed on to parts' suppliers, for quality and finance."""

    model = SupplierRecovery
    filterset_class = RecoveryFilter
    default_sort = "-created_at"
    select_related = ("claim", "line__part")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("claim.number", gettext_lazy("Claim"), sort="claim__number", kind="serial"),
        Column("supplier", gettext_lazy("Supplier"), sort="supplier"),
        Column("amount", gettext_lazy("Amount"), sort="amount"),
        Column("recovered_amount", gettext_lazy("Recovered"), sort="recovered_amount"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("created_at", gettext_lazy("Created"), sort="created_at", kind="datetime"),
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
    if response := submit(
        request,
        form,
        save=lambda data: services.part_coverage_set(policy=policy, by=request.user, **data),
        done=_("Part rule saved."),
        then=policy,
    ):
        return response
    return _policy_page(request, policy, part_form=form, status=400)


@login_required
@require_POST
def policy_guarantee_set(request, pk: int):
    """Add or change one guarantee rule of the policy."""
    policy = get_object_or_404(WarrantyPolicy.objects.restrict(request.user, "change"), pk=pk)
    form = GuaranteeForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.guarantee_set(policy=policy, by=request.user, **data),
        done=_("Guarantee saved."),
        then=policy,
    ):
        return response
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
        request,
        "warranty/legal_list.html",
        {
            "rows": rows,
            "title": _("Legal minimums"),
            "can_change": LegalMinimum.policy.allows(request.user, "change"),
        },
    )


@login_required
def legal_create(request):
    require(request, LegalMinimum, "add")
    form = LegalMinimumForm(request.POST or None, user=request.user)

    def save(data):
        services.legal_minimum_set(by=request.user, **data)
        return reverse("warranty:legal")

    return form_page(
        request,
        form,
        save=save,
        title=_("New legal minimum"),
        cancel_url=reverse("warranty:legal"),
        done=_("Legal minimum saved."),
    )


@login_required
def legal_edit(request, pk: int):
    legal = get_object_or_404(LegalMinimum.objects.restrict(request.user, "change"), pk=pk)
    form = LegalMinimumForm(request.POST or None, instance=legal, user=request.user)

    def save(data):
        services.legal_minimum_update(legal=legal, by=request.user, **data)
        return reverse("warranty:legal")

    response = form_page(
        request,
        form,
        save=save,
        title=_("Edit the legal minimum %(name)s") % {"name": legal},
        cancel_url=reverse("warranty:legal"),
        done=_("Legal minimum saved."),
        template="warranty/rule_form.html",
    )
    return _with_audit(response, legal)


def _with_audit(response, obj):
    """Show the record's audit trail under its edit form."""
    if isinstance(response, TemplateResponse):
        response.context_data["audited"] = obj
    return response


@login_required
def standard_times(request):
    """Standard labour minutes per failure code; managers and quality change them here."""
    rows = StandardTime.objects.restrict(request.user, "view").select_related("failure_code")
    can_change = StandardTime.policy.allows(request.user, "change")
    form = StandardTimeForm(request.POST or None, user=request.user) if can_change else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if response := submit(
            request,
            form,
            save=lambda data: services.standard_time_set(by=request.user, **data),
            done=_("Standard time saved."),
            then="warranty:standard_times",
        ):
            return response
    context = {
        "rows": rows.order_by("failure_code__code"),
        "form": form,
        "title": _("Standard times"),
        "can_change": can_change,
    }
    status = 400 if form is not None and form.is_bound else 200
    return TemplateResponse(request, "warranty/standard_times.html", context, status=status)


@login_required
def standard_time_edit(request, pk: int):
    standard = get_object_or_404(
        StandardTime.objects.restrict(request.user, "change").select_related("failure_code"),
        pk=pk,
    )
    form = StandardTimeForm(
        request.POST or None,
        user=request.user,
        initial={"failure_code": standard.failure_code, "minutes": standard.minutes},
    )
    form.fields["failure_code"].disabled = True

    def save(data):
        services.standard_time_set(
            failure_code=standard.failure_code, minutes=data["minutes"], by=request.user
        )
        return reverse("warranty:standard_times")

    response = form_page(
        request,
        form,
        save=save,
        title=_("Standard time of %(code)s") % {"code": standard.failure_code.code},
        cancel_url=reverse("warranty:standard_times"),
        done=_("Standard time saved."),
        template="warranty/rule_form.html",
    )
    return _with_audit(response, standard)


def _unit(request, pk: int, action: str = "view") -> Unit:
    queryset = Unit.objects.restrict(request.user, action).select_related(
        "product_model__category", "owner"
    )
    return get_object_or_404(queryset, pk=pk)


@customer_page
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
        "proposals": _proposals(request, unit),
        "actions": GuaranteeAction.objects.restrict(user, "view")
        .filter(unit=unit)
        .select_related("new_unit", "decided_by"),
        "card_languages": [
            (code, name) for code, name in settings.LANGUAGES if code in CARD_LANGUAGES
        ],
        "staff": user.is_staff_role,
    }
    return TemplateResponse(request, "warranty/unit.html", context)


def _proposals(request, unit, failed=None):
    """The guarantees due to the unit, each with an accept form for a manager."""
    if not request.user.is_staff_role:
        return []
    can_accept = GuaranteeAction.policy.allows(request.user, "add")
    rows = []
    for proposal in selectors.guarantee_proposals(unit=unit):
        form = None
        if can_accept:
            if failed is not None and failed.data.get("rule") == proposal["rule"]:
                form = failed
            else:
                form = GuaranteeAcceptForm(user=request.user, initial={"rule": proposal["rule"]})
            if proposal["rule"] == "money_back":
                form.fields.pop("new_serial", None)
        rows.append({**proposal, "form": form})
    return rows


@login_required
@require_POST
def guarantee_accept(request, pk: int):
    """A manager accepts a proposed guarantee for the unit: money back or a replacement."""
    unit = _unit(request, pk)
    require(request, GuaranteeAction, "add")
    form = GuaranteeAcceptForm(request.POST, user=request.user)
    if response := submit(
        request,
        form,
        save=lambda data: services.guarantee_accept(
            unit=unit,
            rule=data["rule"],
            by=request.user,
            new_unit=data.get("new_serial"),
            note=data["note"],
        ),
        done=_("Guarantee recorded."),
        then=reverse("warranty:unit", args=[unit.pk]),
    ):
        return response
    messages.error(request, _("The guarantee was not recorded: see the form."))
    errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
    for error in errors:
        messages.error(request, error)
    return redirect("warranty:unit", pk=unit.pk)


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


@customer_page
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
    return pdf_response(pdf, f"warranty-{unit.serial}-{language}")


@customer_page
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


def _claim_page(
    request, claim, form=None, status=200, return_form=None, return_line=None, recovery_form=None
):
    user = request.user
    can_decide = Claim.objects.restrict(user, "change").filter(pk=claim.pk).exists()
    lines = list(
        ClaimPart.objects.restrict(user, "view")
        .filter(claim=claim)
        .select_related("part", "defective_return")
    )
    may_call_back = ClaimPart.policy.allows(user, "change")
    for line in lines:
        line.return_form = None
        if may_call_back and line.defective_return_id is None:
            if return_line is not None and return_line.pk == line.pk:
                line.return_form = return_form
            else:
                line.return_form = ReturnAuthorizeForm(
                    user=user, prefix=f"rma{line.pk}", initial={"quantity": line.quantity}
                )
    may_recover = SupplierRecovery.policy.allows(user, "add") and claim.status in (
        services.RECOVERABLE
    )
    context = {
        "obj": claim,
        "title": str(claim),
        "reasons": [reason_text(reason) for reason in claim.reasons],
        "lines": lines,
        "codes": claim.failure_codes.all(),
        "form": (form or DecideForm()) if can_decide else None,
        "recoveries": SupplierRecovery.objects.restrict(user, "view").filter(claim=claim),
        "recovery_form": (recovery_form or RecoveryForm(claim=claim, user=user))
        if may_recover
        else None,
    }
    return TemplateResponse(request, "warranty/claim_detail.html", context, status=status)


@login_required
def claim_create(request):
    """A claim for a finished job, from an agent's staff or the maker's technician; the same
    service as the API decides it at once."""
    require(request, Claim, "add")
    user = request.user
    data = request.POST if request.method == "POST" else None
    form = ClaimForm(data, user=user)
    lines = ClaimPartFormSet(data, prefix="parts", form_kwargs={"user": user})
    if data is not None and form.is_valid() and lines.is_valid():
        cleaned = form.cleaned_data
        unit = cleaned["serial"]
        parts = [row for row in lines.cleaned_data if row and row.get("part")]
        try:
            claim = services.claim_submit(
                unit=unit,
                by=user,
                failure_date=cleaned["failure_date"],
                failure_codes=list(cleaned["failure_codes"]),
                parts=parts,
                labour_minutes=cleaned["labour_minutes"],
                labour_amount=cleaned["labour_amount"],
                travel_amount=cleaned["travel_amount"],
                currency=cleaned["currency"],
                meter=cleaned["meter"],
                agent=unit.service_agent if user.agent_id else None,
                submitter=Submitter.AGENT if user.agent_id else Submitter.MAKER,
                repair_started=cleaned["repair_started"],
                repair_finished=cleaned["repair_finished"],
                causes=list(cleaned["causes"]),
                external_ref=cleaned["external_ref"],
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("Claim %(number)s submitted: %(status)s.")
                % {"number": claim.number, "status": claim.get_status_display()},
            )
            return redirect(claim)
    return TemplateResponse(
        request,
        "warranty/claim_form.html",
        {
            "form": form,
            "lines": lines,
            "title": _("New warranty claim"),
            "cancel_url": reverse("warranty:claims"),
        },
        status=400 if data is not None else 200,
    )


@login_required
@require_POST
def claim_part_return(request, pk: int, line: int):
    """Call a claimed part back: a return authorization from the parts app, linked to the line."""
    item = get_object_or_404(
        ClaimPart.objects.restrict(request.user, "change").select_related("claim"),
        pk=line,
        claim_id=pk,
    )
    form = ReturnAuthorizeForm(request.POST, user=request.user, prefix=f"rma{item.pk}")
    if response := submit(
        request,
        form,
        save=lambda data: services.claim_part_return_authorize(
            line=item,
            source=data["source"],
            quantity=data["quantity"],
            by=request.user,
        ),
        done=_("Return authorization created."),
        then=item.claim,
    ):
        return response
    return _claim_page(request, item.claim, return_form=form, return_line=item, status=400)


@login_required
@require_POST
def recovery_create(request, pk: int):
    claim = get_object_or_404(Claim.objects.restrict(request.user, "view"), pk=pk)
    require(request, SupplierRecovery, "add")
    form = RecoveryForm(request.POST, claim=claim, user=request.user)
    if response := submit(
        request,
        form,
        save=lambda data: services.recovery_create(claim=claim, by=request.user, **data),
        done=_("Passed on to the supplier."),
    ):
        return response
    return _claim_page(request, claim, recovery_form=form, status=400)


@login_required
def recovery_detail(request, pk: int):
    recovery = get_object_or_404(
        SupplierRecovery.objects.restrict(request.user, "view").select_related(
            "claim__unit", "line__part"
        ),
        pk=pk,
    )
    return _recovery_page(request, recovery)


def _recovery_page(request, recovery, form=None, status=200):
    can_change = SupplierRecovery.policy.allows(request.user, "change")
    moves = services.RECOVERY_MOVES.get(recovery.status, ())
    context = {
        "obj": recovery,
        "title": str(recovery),
        "form": (form or RecoveryMoveForm()) if can_change and moves else None,
    }
    return TemplateResponse(request, "warranty/recovery_detail.html", context, status=status)


@login_required
@require_POST
def recovery_move(request, pk: int):
    recovery = get_object_or_404(SupplierRecovery.objects.restrict(request.user, "change"), pk=pk)
    form = RecoveryMoveForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.recovery_move(recovery=recovery, by=request.user, **data),
        done=_("Recovery updated."),
        then=recovery,
    ):
        return response
    return _recovery_page(request, recovery, form=form, status=400)


@login_required
def claim_returns(request):
    """Faulty parts called back from claims: their return and its inspection, for quality."""
    require(request, ClaimPart, "change")
    rows = selectors.claim_returns(user=request.user)[:300]
    return TemplateResponse(
        request, "warranty/returns.html", {"rows": rows, "title": _("Parts called back")}
    )


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
