"""Bank statements (finance): upload the bank's camt.053/camt.054 file, see each transfer
received with the invoice it names, and record the ones chosen as payments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.identity import show_iban
from aftersales.core.text import show_number
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from .. import statements
from ..filters import BankStatementFilter
from ..forms import BankStatementForm
from ..models import BankStatement, Invoice


class BankStatementList(ObjectListView):
    model = BankStatement
    filterset_class = BankStatementFilter
    default_sort = "-uploaded_at"
    title = gettext_lazy("Bank statements")
    columns = [
        Column("name", gettext_lazy("File"), sort="name", link=True, kind="serial"),
        Column(lambda obj: show_iban(obj.account), gettext_lazy("Account"), kind="serial"),
        Column("uploaded_at", gettext_lazy("Uploaded"), sort="uploaded_at", kind="datetime"),
        Column("credits", gettext_lazy("Transfers received"), sort="credits", kind="number"),
        Column("recorded", gettext_lazy("Payments recorded"), sort="recorded", kind="number"),
    ]

    @property
    def create_url(self):
        return reverse("billing:statement_upload")


@login_required
def statement_upload(request):
    require(request, BankStatement, "add")
    form = BankStatementForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        form,
        save=lambda data: statements.statement_upload(
            by=request.user, data=data["file"].read(), name=data["file"].name
        ),
        title=_("Read a bank statement"),
        done=_("Statement read: check the transfers and record those that are right."),
        cancel_url=reverse("billing:statements"),
        intro=_(
            "The statement (camt.053) or credit notification (camt.054) your bank gives as XML. "
            "Each transfer received is matched to the open invoice whose number its payer wrote."
        ),
    )


@login_required
def statement_detail(request, pk: int):
    statement = get_object_or_404(BankStatement.objects.restrict(request.user, "view"), pk=pk)
    invoices = Invoice.objects.restrict(request.user, "view")
    errors = []
    if request.method == "POST":
        statement = get_object_or_404(BankStatement.objects.restrict(request.user, "change"), pk=pk)
        chosen = [int(value) for value in request.POST.getlist("credit") if value.isdigit()]
        try:
            payments = statements.statement_record(
                statement=statement, by=request.user, invoices=invoices, chosen=chosen
            )
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request,
                _("Payments recorded: %(count)s.") % {"count": show_number(len(payments))},
            )
            return redirect(statement)
    context = {
        "obj": statement,
        "title": str(statement),
        "matches": statements.statement_matches(statement, invoices),
        "errors": errors,
        "may_record": BankStatement.policy.allows(request.user, "change"),
    }
    return TemplateResponse(
        request, "billing/statement_detail.html", context, status=400 if errors else 200
    )
