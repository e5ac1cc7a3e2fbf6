"""Agent forms: parse and check input; the writes are in `services.py`."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import BootstrapMixin, PhoneField

from .models import Agent


class AgentForm(BootstrapMixin, forms.ModelForm):
    phone = PhoneField(label=_("Phone"), required=False)
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-90),
        max_value=Decimal(90),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-180),
        max_value=Decimal(180),
    )

    class Meta:
        model = Agent
        fields = [
            "code",
            "name",
            "country",
            "region",
            "city",
            "address",
            "phone",
            "email",
            "latitude",
            "longitude",
            "is_active",
        ]
        widgets = {
            "code": forms.TextInput(attrs={"dir": "ltr"}),
            "email": forms.EmailInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update({"dir": "ltr", "step": "any"})
