from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import BootstrapMixin

from .services import MAX_ADJUSTMENT


class AdjustForm(BootstrapMixin, forms.Form):
    points = forms.IntegerField(
        label=_("Points"),
        min_value=-MAX_ADJUSTMENT,
        max_value=MAX_ADJUSTMENT,
        help_text=_("Positive to add (a gift), negative to take (a reward redeemed)."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)
