"""Customers' needs and ideas (R8.2): staff note them, R&D and market research answer."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.views.edit import form_page, require, submit
from aftersales.core.views.lists import Column, ObjectListView

from .. import services
from ..filters import NeedFilter
from ..forms import NeedForm, NeedReviewForm
from ..models import CustomerNeed
from .common import WithQualityNav


class NeedList(WithQualityNav, ObjectListView):
    model = CustomerNeed
    filterset_class = NeedFilter
    default_sort = "-noted_at"
    select_related = ("product_model", "category", "noted_by")
    columns = [
        Column("summary", gettext_lazy("Summary"), sort="summary", link=True),
        Column("get_kind_display", gettext_lazy("Kind"), sort="kind"),
        Column("get_audience_display", gettext_lazy("For"), sort="audience"),
        Column("product_model.code", gettext_lazy("Model"), sort="product_model__code"),
        Column("category", gettext_lazy("Category")),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("noted_by", gettext_lazy("Noted by")),
        Column("noted_at", gettext_lazy("Noted"), sort="noted_at", kind="datetime"),
    ]

    @property
    def create_url(self):
        return reverse("quality:need_create")


@login_required
def need_create(request):
    require(request, CustomerNeed, "add")
    form = NeedForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.need_note(by=request.user, **data),
        title=_("Note a customer's need or idea"),
        cancel_url=reverse("quality:needs"),
        done=_("Noted for R&D and market research. Thank you."),
    )


@login_required
def need_detail(request, pk: int):
    need = get_object_or_404(CustomerNeed.objects.restrict(request.user, "view"), pk=pk)
    return _page(request, need)


def _page(request, need, *, form=None, status=200):
    can_change = CustomerNeed.policy.allows(request.user, "change")
    initial = {"status": need.status, "response": need.response}
    context = {
        "obj": need,
        "title": str(need),
        "form": (form or NeedReviewForm(initial=initial)) if can_change else None,
    }
    return TemplateResponse(request, "quality/need_detail.html", context, status=status)


@login_required
@require_POST
def need_review(request, pk: int):
    need = get_object_or_404(CustomerNeed.objects.restrict(request.user, "change"), pk=pk)
    form = NeedReviewForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.need_review(need=need, by=request.user, **data),
        done=_("Answer saved."),
        then=need,
    ):
        return response
    return _page(request, need, form=form, status=400)
