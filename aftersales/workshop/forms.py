"""Forms of the workshop: they parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import BootstrapMixin, PhoneField
from aftersales.workforce.models import Technician

from .choices import Arrival, Handover
from .models import Workshop


class ReceiveForm(BootstrapMixin, forms.Form):
    workshop = forms.ModelChoiceField(Workshop.objects.none(), label=_("Workshop"))
    arrival = forms.ChoiceField(choices=Arrival.choices, label=_("How it came"))
    reference = forms.CharField(
        label=_("Courier reference"),
        max_length=100,
        required=False,
        help_text=_("The courier's tracking number, when it came by courier."),
    )
    condition = forms.CharField(
        label=_("Condition on arrival"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Scratches, dents, missing screws, what the customer says is wrong."),
    )
    accessories = forms.CharField(
        label=_("Accessories received"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Remote control, power cord, hoses, box …"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        workshops = Workshop.objects.restrict(user, "view").filter(is_active=True)
        self.fields["workshop"].queryset = workshops
        if workshops.count() == 1:
            self.fields["workshop"].initial = workshops.first()


class WalkInForm(BootstrapMixin, forms.Form):
    """A customer walks in with their unit: the request and the intake on one page."""

    unit = forms.ModelChoiceField(None, label=_("Unit"))
    description = forms.CharField(
        label=_("What is wrong"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("As the customer tells it."),
    )
    contact_phone = PhoneField(label=_("Contact phone"), required=False)
    workshop = forms.ModelChoiceField(Workshop.objects.none(), label=_("Workshop"))
    condition = ReceiveForm.base_fields["condition"]
    accessories = ReceiveForm.base_fields["accessories"]

    def __init__(self, *args, user, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if not units.exists():
            self.fields["unit"].help_text = _(
                "The customer has no registered unit: register it first, then come back."
            )
        workshops = Workshop.objects.restrict(user, "view").filter(is_active=True)
        self.fields["workshop"].queryset = workshops
        if workshops.count() == 1:
            self.fields["workshop"].initial = workshops.first()


class BenchForm(BootstrapMixin, forms.Form):
    technician = forms.ModelChoiceField(Technician.objects.none(), label=_("Technician"))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, user, job, **kwargs):
        super().__init__(*args, **kwargs)
        technicians = Technician.objects.restrict(user, "view").filter(
            is_active=True, agent_id=job.workshop.agent_id
        )
        field = self.fields["technician"]
        field.queryset = technicians
        own = technicians.filter(user=user).first()
        if own is not None:
            field.initial = own


class NoteForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReadyForm(BootstrapMixin, forms.Form):
    handover = forms.ChoiceField(choices=Handover.choices, label=_("Hand-over"))
    repaired = forms.TypedChoiceField(
        label=_("Repaired"),
        choices=[("yes", _("Yes")), ("no", _("No, it goes back unrepaired"))],
        coerce=lambda value: value == "yes",
    )
    reason = forms.CharField(
        label=_("Why it was not repaired"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReturnForm(BootstrapMixin, forms.Form):
    returned_to = forms.CharField(label=_("Handed back to"), max_length=200)
    signature = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class CancelForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Why the intake is cancelled"), max_length=500)
