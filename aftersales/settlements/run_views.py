"""Pages of payment runs (finance): the list, a new run from the settlements owed to agents,
a run with its transfers, its bank file, and recording it paid or cancelling it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.text import show_number
from aftersales.core.views.edit import act, errors_to_form, require, submit
from aftersales.core.views.lists import Column, ObjectListView

from . import payment_runs, selectors, status_reports
from .choices import BankStatus, RunStatus
from .filters import PaymentRunFilter
from .forms import PaymentRunForm, PaymentRunPaidForm, StatusReportForm
from .models import PaymentRun, Settlement
from .views import MoneyColumn


class PaymentRunList(ObjectListView):
    model = PaymentRun
    filterset_class = PaymentRunFilter
    default_sort = "-created_at"
    title = gettext_lazy("Payment runs")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column(
            "execution_date", gettext_lazy("To be executed on"), sort="execution_date", kind="date"
        ),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        MoneyColumn("total", gettext_lazy("Total"), sort="total"),
        Column("currency", gettext_lazy("Currency"), sort="currency"),
        Column("paid_on", gettext_lazy("Paid on"), sort="paid_on", kind="date"),
        Column("bank_reference", gettext_lazy("Bank reference"), kind="serial"),
    ]

    @property
    def create_url(self):
        return reverse("settlements:run_create")


def _run(request, pk: int, action: str = "view") -> PaymentRun:
    queryset = PaymentRun.objects.restrict(request.user, action).select_related(
        "created_by", "closed_by"
    )
    return get_object_or_404(queryset, pk=pk)


@login_required
def run_create(request):
    """Choose a currency, then the settlements of that currency to pay and the day."""
    require(request, PaymentRun, "add")
    owed = Settlement.objects.restrict(request.user, "change")
    currencies = selectors.payable_currencies(owed)
    currency = request.POST.get("currency") or request.GET.get("currency")
    if currency not in currencies:
        currency = currencies[0] if currencies else None
    payable = (
        selectors.payable_by_transfer(owed, currency) if currency else Settlement.objects.none()
    )
    form = PaymentRunForm(
        request.POST or None,
        payable=payable,
        initial={"settlements": list(payable), "execution_date": timezone.localdate()},
    )
    if request.method == "POST":
        try:
            response = submit(
                request,
                form,
                save=lambda data: payment_runs.payment_run_prepare(by=request.user, **data),
                done=_("Payment run prepared: download its file for the bank."),
            )
        except PermissionDenied:
            raise Http404 from None
        if response:
            return response
    context = {
        "title": _("New payment run"),
        "form": form,
        "currency": currency,
        "currencies": currencies,
        "payable": payable,
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "settlements/run_create.html", context, status=status)


@login_required
def run_detail(request, pk: int):
    return _detail_page(request, _run(request, pk))


def _detail_page(request, run, *, paid_form=None, report_form=None, status=200):
    prepared = run.status == RunStatus.PREPARED and PaymentRun.policy.allows(request.user, "change")
    if prepared and paid_form is None:
        paid_form = PaymentRunPaidForm(initial={"paid_on": timezone.localdate()})
    lines = list(run.lines.select_related("settlement__agent", "payment"))
    for line in lines:
        line.reason_text = status_reports.reason_text(line.bank_reason)
    rejected = sum(line.bank_status == BankStatus.REJECTED for line in lines)
    context = {
        "obj": run,
        "title": str(run),
        "lines": lines,
        "rejected": rejected,
        "may_act": prepared,
        "paid_form": paid_form if prepared and rejected < len(lines) else None,
        "report_form": (report_form or StatusReportForm())
        if prepared and run.currency in status_reports.CURRENCIES
        else None,
    }
    return TemplateResponse(request, "settlements/run_detail.html", context, status=status)


@login_required
def run_file(request, pk: int):
    run = _run(request, pk)
    return FileResponse(
        run.file.open("rb"), as_attachment=True, filename=run.file.name.rsplit("/", 1)[-1]
    )


@login_required
@require_POST
def run_paid(request, pk: int):
    run = _run(request, pk, "change")
    form = PaymentRunPaidForm(request.POST)
    try:
        response = submit(
            request,
            form,
            save=lambda data: payment_runs.payment_run_paid(run=run, by=request.user, **data),
            done=_("Payment run recorded as paid: a payment on each settlement."),
        )
    except PermissionDenied:
        raise Http404 from None
    return response or _detail_page(request, run, paid_form=form, status=400)


@login_required
@require_POST
def run_status_report(request, pk: int):
    """Read the bank's status report: which transfers it accepted and which it rejected."""
    run = _run(request, pk, "change")
    form = StatusReportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["report"]
        try:
            counts = status_reports.payment_run_status_read(
                run=run, by=request.user, data=upload.read(), name=upload.name
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _counts_text(counts))
            return redirect(run)
    return _detail_page(request, run, report_form=form, status=400)


def _counts_text(counts: dict[str, int]) -> str:
    return _(
        "Status report read. Transfers accepted: %(accepted)s; rejected: %(rejected)s; "
        "without an answer yet: %(waiting)s."
    ) % {
        "accepted": show_number(counts[BankStatus.ACCEPTED]),
        "rejected": show_number(counts[BankStatus.REJECTED]),
        "waiting": show_number(counts[BankStatus.WAITING]),
    }


@login_required
@require_POST
def run_cancel(request, pk: int):
    run = _run(request, pk, "change")
    try:
        return act(
            request,
            run,
            lambda: payment_runs.payment_run_cancel(run=run, by=request.user),
            done=_("Payment run cancelled: its settlements can be paid again."),
        )
    except PermissionDenied:
        raise Http404 from None
