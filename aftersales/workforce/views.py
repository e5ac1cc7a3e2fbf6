"""Staff pages for technicians: list, detail, create, edit."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.catalog.models import Category
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from . import services
from .filters import TechnicianFilter
from .forms import TechnicianForm
from .models import Technician


def _agent(technician):
    return technician.agent.name if technician.agent else gettext_lazy("The maker")


def _categories(technician):
    return ", ".join(category.name for category in technician.categories.all())


def _active(technician):
    return gettext_lazy("Yes") if technician.is_active else gettext_lazy("No")


class TechnicianList(ObjectListView):
    model = Technician
    filterset_class = TechnicianFilter
    default_sort = "last_name"
    select_related = ("agent",)
    columns = [
        Column("full_name", gettext_lazy("Name"), sort="last_name", link=True),
        Column(_agent, gettext_lazy("Agent"), sort="agent__name"),
        Column("phone", gettext_lazy("Phone"), kind="phone"),
        Column(_categories, gettext_lazy("Product categories")),
        Column(_active, gettext_lazy("Active"), sort="is_active"),
    ]

    @property
    def create_url(self):
        return reverse("workforce:create")

    def base_queryset(self):
        return super().base_queryset().prefetch_related("categories")


@login_required
def technician_detail(request, pk: int):
    technician = get_object_or_404(
        Technician.objects.restrict(request.user, "view").select_related("agent", "user"), pk=pk
    )
    context = {
        "technician": technician,
        "title": technician.full_name,
        "categories": technician.categories.all() & Category.objects.restrict(request.user, "view"),
        "installed_count": technician.installed_units.restrict(request.user, "view").count(),
        "can_change": Technician.policy.allows(request.user, "change"),
    }
    return TemplateResponse(request, "workforce/detail.html", context)


@login_required
def technician_create(request):
    require(request, Technician, "add")
    return form_page(
        request,
        TechnicianForm(request.POST or None, user=request.user),
        save=lambda data: services.technician_create(by=request.user, **data),
        title=_("New technician"),
        done=_("Technician created."),
        cancel_url=reverse("workforce:list"),
    )


@login_required
def technician_edit(request, pk: int):
    technician = get_object_or_404(Technician.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        TechnicianForm(request.POST or None, instance=technician, user=request.user),
        save=lambda data: services.technician_update(
            technician=technician, by=request.user, **data
        ),
        title=_("Edit %(name)s") % {"name": technician.full_name},
        done=_("Changes saved."),
        cancel_url=technician.get_absolute_url(),
    )
