"""Forms of the incoming e-mail: they parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import BootstrapMixin


class AttachForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Request number"),
        max_length=30,
        widget=forms.TextInput(attrs={"dir": "ltr", "placeholder": "SR-2026-000123"}),
    )
