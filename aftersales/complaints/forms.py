"""Forms of complaint handling: they parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Role
from aftersales.core.forms import BootstrapMixin, PhoneField
from aftersales.core.models import User
from aftersales.core.text import normalize_serial
from aftersales.service.models import ServiceRequest, Visit
from aftersales.units.models import Unit

from .choices import Channel, Decision, Remedy, RootCause, Severity, Stage
from .models import HANDLERS

TEXT = {"rows": 4}


class _ContactFields(forms.Form):
    contact_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    contact_phone = PhoneField(label=_("Phone"), required=False)


class ComplaintForm(BootstrapMixin, _ContactFields):
    """A complaint taken by the desk from any channel; links are typed as numbers/serials."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    request_number = forms.CharField(label=_("Service request number"), required=False)
    visit_number = forms.CharField(label=_("Visit number"), required=False)
    serial = forms.CharField(label=_("Unit serial number"), required=False)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs=TEXT))
    remedy_sought = forms.ChoiceField(label=_("The customer asks for"), choices=Remedy.choices)
    remedy_details = forms.CharField(
        label=_("Details of the remedy"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    severity = forms.TypedChoiceField(
        label=_("Severity"), choices=Severity.choices, coerce=int, initial=Severity.NORMAL
    )
    is_safety = forms.BooleanField(
        label=_("Safety issue (risk to people or property)"), required=False
    )

    field_order = [
        "channel",
        "request_number",
        "visit_number",
        "serial",
        "contact_name",
        "contact_email",
        "contact_phone",
        "subject",
        "description",
        "remedy_sought",
        "remedy_details",
        "severity",
        "is_safety",
    ]

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        for name in ("request_number", "visit_number", "serial"):
            self.fields[name].widget.attrs["dir"] = "ltr"

    def _find(self, model, lookup, value, message):
        if not value:
            return None
        found = model.objects.restrict(self.user, "view").filter(**{lookup: value}).first()
        if found is None:
            raise forms.ValidationError(message)
        return found

    def clean_request_number(self):
        value = self.cleaned_data["request_number"].strip().upper()
        return self._find(ServiceRequest, "number", value, _("No such service request."))

    def clean_visit_number(self):
        value = self.cleaned_data["visit_number"].strip().upper()
        return self._find(Visit, "number", value, _("No such visit."))

    def clean_serial(self):
        value = normalize_serial(self.cleaned_data["serial"])
        return self._find(Unit, "serial", value, _("No unit has this serial number."))

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["request"] = data.pop("request_number")
        data["visit"] = data.pop("visit_number")
        data["unit"] = data.pop("serial")
        return data


class PublicComplaintForm(BootstrapMixin, _ContactFields):
    """The public form: no login; the contact details are how we answer."""

    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea(attrs=TEXT), max_length=5000
    )
    remedy_sought = forms.ChoiceField(label=_("What would put it right?"), choices=Remedy.choices)
    remedy_details = forms.CharField(
        label=_("Anything to add about it"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    serial = forms.CharField(label=_("Serial number of the product (if any)"), required=False)
    is_safety = forms.BooleanField(
        label=_("Someone could get hurt or property could be damaged"), required=False
    )
    # a field people do not see; bots fill it in
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = [
        "contact_name",
        "contact_email",
        "contact_phone",
        "serial",
        "subject",
        "description",
        "remedy_sought",
        "remedy_details",
        "is_safety",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["serial"].widget.attrs["dir"] = "ltr"
        self.fields["contact_email"].help_text = _("An e-mail or a phone number, to answer you.")

    def clean(self):
        data = super().clean()
        given = data.get("contact_email") or data.get("contact_phone")
        invalid = "contact_email" in self.errors or "contact_phone" in self.errors
        if not given and not invalid:
            self.add_error("contact_email", _("Give an e-mail address or a phone number."))
        return data

    def clean_serial(self):
        serial = normalize_serial(self.cleaned_data["serial"])
        # a public form never tells whether a serial exists: an unknown one is simply not linked
        return (
            Unit.objects.filter(serial=serial).select_related("product_model").first()
            if serial
            else None
        )


def _handlers():
    return User.objects.filter(is_active=True, role__in=HANDLERS | {Role.ADMIN}).order_by(
        "first_name", "username"
    )


class HandlerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name() or obj.username} · {obj.get_role_display()}"


class AssessForm(BootstrapMixin, forms.Form):
    severity = forms.TypedChoiceField(label=_("Severity"), choices=Severity.choices, coerce=int)
    is_safety = forms.BooleanField(label=_("Safety issue"), required=False)
    assignee = HandlerChoice(label=_("Assign to"), queryset=User.objects.none(), required=False)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _handlers()


class AssignForm(BootstrapMixin, forms.Form):
    assignee = HandlerChoice(label=_("Assign to"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _handlers()


class InvestigateForm(BootstrapMixin, forms.Form):
    root_cause = forms.ChoiceField(label=_("Root cause"), choices=RootCause.choices)
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs=TEXT))


class RespondForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    resolution = forms.CharField(
        label=_("Answer to the customer (sent to them)"), widget=forms.Textarea(attrs=TEXT)
    )


SATISFIED = [("", _("Not said")), ("yes", _("Yes")), ("no", _("No"))]


class FollowUpForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("What the customer said"), widget=forms.Textarea(attrs=TEXT))
    satisfied = forms.TypedChoiceField(
        label=_("Satisfied with the outcome"),
        choices=SATISFIED,
        required=False,
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
    )


class AcceptForm(BootstrapMixin, forms.Form):
    """Nothing to fill: the button says it."""


class CloseForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Closing note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrackForm(BootstrapMixin, forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)


class AppealForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why do you not accept the answer?"),
        max_length=3000,
        widget=forms.Textarea(attrs=TEXT),
    )


class DeadlinesForm(BootstrapMixin, forms.Form):
    """One number of hours per severity and timed stage."""

    def __init__(self, *args, matrix, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for severity, stage, hours in matrix:
            name = f"h_{severity}_{stage}"
            self.fields[name] = forms.IntegerField(
                label=f"{Severity(severity).label} · {Stage(stage).label}",
                min_value=1,
                max_value=24 * 365,
                initial=hours,
            )
            self.fields[name].widget.attrs["inputmode"] = "numeric"
            self.rows.append((severity, stage, name))

    def hours(self) -> list[tuple[int, str, int]]:
        return [(severity, stage, self.cleaned_data[name]) for severity, stage, name in self.rows]
