"""Forms of dispatch: parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import BootstrapMixin, DateField
from aftersales.service.forms import DateTimeField
from aftersales.workforce.models import Technician

from .choices import EngineChoice
from .models import MAX_DAYS


class PlanForm(BootstrapMixin, forms.Form):
    first_day = DateField(label=_("First day"))
    days = forms.IntegerField(
        label=_("Days"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=1,
        help_text=_("Plan one day, or a few days at once."),
    )
    engine = forms.ChoiceField(
        label=_("Planner"), choices=EngineChoice.choices, initial=EngineChoice.VROOM
    )


class MoveForm(BootstrapMixin, forms.Form):
    technician = forms.ModelChoiceField(Technician.objects.none(), label=_("Technician"))
    starts_at = DateTimeField(label=_("Starts at"))

    def __init__(self, *args, technicians, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["technician"].queryset = technicians
