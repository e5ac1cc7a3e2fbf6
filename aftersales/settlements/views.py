"""Pages of agents' settlements: the list (an agent's staff see their own), a settlement with its
lines, adjustments, approval and payments, the statement PDF, the journal export, the overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from aftersales.core.documents import pdf_response
from aftersales.core.money import show_money
from aftersales.core.views.edit import act, form_page, require, submit
from aftersales.core.views.lists import Column, ObjectListView

from . import documents, journal, selectors, services
from .choices import LineKind, SettlementStatus
from .filters import JournalFilter, SettlementFilter
from .forms import AdjustmentForm, DraftForm, MarkPaidForm, PaymentForm
from .models import JournalEntry, Settlement


class MoneyColumn(Column):
    """An amount shown in its currency, exported as a plain number for accounting."""

    def text(self, obj) -> str:
        value = self.value(obj)
        return "" if value is None else show_money(value, obj.currency)

    def export(self, obj):
        value = self.value(obj)
        return "" if value is None else value


def _number(settlement: Settlement) -> str:
    return str(settlement)


def _account(field):
    def value(entry):
        return journal.account_code(getattr(entry, field))

    return value


class SettlementList(ObjectListView):
    model = Settlement
    filterset_class = SettlementFilter
    default_sort = "-period_end"
    select_related = ("agent",)
    title = gettext_lazy("Agents' settlements")
    columns = [
        Column(_number, gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("agent.code", gettext_lazy("Agent code"), sort="agent__code", kind="serial"),
        Column("agent.name", gettext_lazy("Agent"), sort="agent__name"),
        Column("period_start", gettext_lazy("From"), sort="period_start", kind="date"),
        Column("period_end", gettext_lazy("To"), sort="period_end", kind="date"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        MoneyColumn("total", gettext_lazy("Balance"), sort="total"),
        MoneyColumn("open_amount", gettext_lazy("Still open")),
        Column("currency", gettext_lazy("Currency")),
    ]

    @property
    def create_url(self):
        return reverse("settlements:create")


class JournalList(ObjectListView):
    """The settlement journal lines for accounting: search, filter, sort, CSV/XLSX."""

    model = JournalEntry
    filterset_class = JournalFilter
    default_sort = "-day"
    select_related = ("settlement__agent",)
    title = gettext_lazy("Settlement journal lines")
    columns = [
        Column("day", gettext_lazy("Date"), sort="day", kind="date"),
        Column(
            "settlement.number",
            gettext_lazy("Settlement"),
            sort="settlement__number",
            link=True,
            kind="serial",
        ),
        Column("settlement.agent.code", gettext_lazy("Agent code"), kind="serial"),
        Column("settlement.agent.name", gettext_lazy("Agent")),
        Column(_account("debit"), gettext_lazy("Debit account"), sort="debit", kind="serial"),
        Column("get_debit_display", gettext_lazy("Debit")),
        Column(_account("credit"), gettext_lazy("Credit account"), sort="credit", kind="serial"),
        Column("get_credit_display", gettext_lazy("Credit")),
        MoneyColumn("amount", gettext_lazy("Amount"), sort="amount"),
        Column("currency", gettext_lazy("Currency")),
        Column("reference", gettext_lazy("Reference"), sort="reference", kind="serial"),
    ]

    def can_create(self):
        return False


def _settlement(request, pk: int, action: str = "view") -> Settlement:
    queryset = Settlement.objects.restrict(request.user, action).select_related(
        "agent", "approved_by", "created_by", "carried_to", "previous"
    )
    return get_object_or_404(queryset, pk=pk)


@login_required
def settlement_detail(request, pk: int):
    settlement = _settlement(request, pk)
    return _detail_page(request, settlement)


def _detail_page(request, settlement, *, adjustment_form=None, payment_form=None, status=200):
    user = request.user
    draft = settlement.status == SettlementStatus.DRAFT
    payable = settlement.status == SettlementStatus.APPROVED
    can_edit = draft and services.may_edit(user) and Settlement.policy.allows(user, "change")
    can_pay = payable and services.may_pay(user) and Settlement.policy.allows(user, "change")
    lines = settlement.lines.select_related("claim__unit", "sale", "source", "created_by")
    groups = []
    for kind in LineKind:
        chosen = [line for line in lines if line.kind == kind]
        if chosen:
            groups.append(
                {
                    "kind": kind,
                    "label": kind.label,
                    "lines": chosen,
                    "total": sum(line.amount for line in chosen),
                }
            )
    context = {
        "obj": settlement,
        "title": str(settlement),
        "groups": groups,
        "payments": settlement.payments.select_related("by"),
        "can_edit": can_edit,
        "can_approve": draft and services.may_approve(user),
        "can_pay": can_pay,
        "adjustment_form": (adjustment_form or AdjustmentForm()) if can_edit else None,
        "payment_form": (
            (payment_form or PaymentForm(initial={"amount": abs(settlement.open_amount)}))
            if can_pay
            else None
        ),
        "mark_paid_form": MarkPaidForm() if can_pay else None,
        "statement_languages": documents.LANGUAGES,
    }
    return TemplateResponse(request, "settlements/detail.html", context, status=status)


@login_required
def settlement_create(request):
    require(request, Settlement, "add")
    form = DraftForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.settlement_draft(by=request.user, **data),
        title=_("New settlement"),
        intro=_(
            "The draft gathers the agent's approved claims, the parts it bought, its grade's "
            "bonus or penalty and the balance carried over. Check it, adjust it, then a manager "
            "approves it."
        ),
        cancel_url=reverse("settlements:list"),
        done=_("Draft settlement computed."),
    )


def _action(request, pk, call, done):
    """Run a service on a settlement the user may change; its refusal becomes a message."""
    settlement = _settlement(request, pk, "change")
    try:
        return act(request, settlement, lambda: call(settlement), done=done)
    except PermissionDenied:
        raise Http404 from None


@login_required
@require_POST
def settlement_refresh(request, pk: int):
    return _action(
        request,
        pk,
        lambda s: services.settlement_refresh(settlement=s, by=request.user),
        _("The draft was computed again from the records."),
    )


@login_required
@require_POST
def settlement_approve(request, pk: int):
    return _action(
        request,
        pk,
        lambda s: services.settlement_approve(settlement=s, by=request.user),
        _("Settlement approved."),
    )


@login_required
@require_POST
def settlement_discard(request, pk: int):
    settlement = _settlement(request, pk, "delete")
    try:
        return act(
            request,
            settlement,
            lambda: services.settlement_discard(settlement=settlement, by=request.user),
            done=_("Draft discarded."),
            then="settlements:list",
        )
    except PermissionDenied:
        raise Http404 from None


def _line_add(request, pk, form_class, service, form_name, done):
    """A form on the settlement's page that adds to it; on errors, the page again (status 400)."""
    settlement = _settlement(request, pk, "change")
    form = form_class(request.POST)
    try:
        response = submit(
            request,
            form,
            save=lambda data: service(settlement=settlement, by=request.user, **data),
            done=done,
            then=settlement,
        )
    except PermissionDenied:
        raise Http404 from None
    if response:
        return response
    return _detail_page(request, settlement, status=400, **{form_name: form})


@login_required
@require_POST
def adjustment_add(request, pk: int):
    return _line_add(
        request,
        pk,
        AdjustmentForm,
        services.adjustment_add,
        "adjustment_form",
        _("Adjustment added."),
    )


@login_required
@require_POST
def adjustment_remove(request, pk: int, line: int):
    settlement = _settlement(request, pk, "change")
    item = get_object_or_404(settlement.lines, pk=line)
    return _action(
        request,
        pk,
        lambda s: services.adjustment_remove(line=item, by=request.user),
        _("Adjustment removed."),
    )


@login_required
@require_POST
def payment_add(request, pk: int):
    return _line_add(
        request, pk, PaymentForm, services.payment_record, "payment_form", _("Payment recorded.")
    )


@login_required
@require_POST
def settlement_mark_paid(request, pk: int):
    form = MarkPaidForm(request.POST)
    if not form.is_valid():
        settlement = _settlement(request, pk, "change")
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(settlement)
    return _action(
        request,
        pk,
        lambda s: services.settlement_mark_paid(settlement=s, by=request.user, **form.cleaned_data),
        _("Settlement paid."),
    )


@login_required
@require_POST
def draft_all(request):
    """Draft the next period of every active agent at once."""
    require(request, Settlement, "add")
    try:
        result = services.settlements_draft_all(by=request.user)
    except PermissionDenied:
        raise Http404 from None
    drafted = len(result["drafted"])
    messages.success(
        request,
        ngettext("%(count)s draft computed.", "%(count)s drafts computed.", drafted)
        % {"count": drafted},
    )
    for agent, reason in result["skipped"]:
        messages.info(request, _("%(agent)s: %(reason)s") % {"agent": agent, "reason": reason})
    return redirect(f"{reverse('settlements:list')}?status=draft")


@login_required
def statement(request, pk: int):
    """The statement PDF, in the agent's language unless another is asked (`?lang=`)."""
    settlement = _settlement(request, pk)
    language = request.GET.get("lang") or documents.statement_language(settlement)
    if language not in documents.LANGUAGES:
        raise Http404
    pdf = documents.statement_pdf(settlement, language=language)
    name = settlement.number or f"draft-{settlement.pk}"
    return pdf_response(pdf, f"settlement-{name}-{language}")


@login_required
def overview(request):
    """For finance and managers: what the network is owed and owes, month by month, and who has
    money open, as charts and a table."""
    require(request, JournalEntry, "view")
    settlements = Settlement.objects.restrict(request.user, "view")
    data = selectors.overview(settlements)
    context = {
        "title": _("Settlements overview"),
        "data": data,
        "chart": selectors.overview_chart(data),
        "kinds": [kind.label for kind in selectors.OVERVIEW_KINDS],
        "can_draft": Settlement.policy.allows(request.user, "add"),
    }
    return TemplateResponse(request, "settlements/overview.html", context)
