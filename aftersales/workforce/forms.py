"""Technician forms: parse and check input; the writes are in `services.py`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.catalog.forms import InlineCheckboxes
from aftersales.catalog.models import Category
from aftersales.core.choices import Role
from aftersales.core.forms import BootstrapMixin, PhoneField
from aftersales.core.models import User

from .models import Technician


class TechnicianForm(BootstrapMixin, forms.ModelForm):
    phone = PhoneField(label=_("Phone"), required=False)

    class Meta:
        model = Technician
        fields = ["first_name", "last_name", "phone", "agent", "categories", "user", "is_active"]
        widgets = {"categories": InlineCheckboxes}
        labels = {"user": _("Login")}
        help_texts = {
            "agent": _("Leave empty for the maker's own technicians."),
            "user": _("The technician's own login, if they have one."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent"].queryset = Agent.objects.restrict(user, "view")
        self.fields["agent"].empty_label = _("The maker's own staff")
        self.fields["categories"].queryset = Category.objects.restrict(user, "view")
        logins = User.objects.filter(role=Role.TECHNICIAN, technician__isnull=True)
        if self.instance.user_id:
            logins = logins | User.objects.filter(pk=self.instance.user_id)
        self.fields["user"].queryset = logins.order_by("username")
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.username})" if u.get_full_name() else u.username
        )
