"""Agent forms: parse and check input; the writes are in `services.py`."""

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.models import Category
from aftersales.core.choices import Country, Currency, Role
from aftersales.core.forms import BootstrapMixin, DateField, PhoneField, clean_file_size
from aftersales.core.models import User
from aftersales.service.models import ServiceType

from .choices import TRANSITIONS, ActionStatus, AgentStatus, DocumentKind, Metric
from .models import Agent, Criterion, Equipment, Grade, ScorecardMetric


class AgentForm(BootstrapMixin, forms.ModelForm):
    phone = PhoneField(label=_("Phone"), required=False)
    # typed with spaces, dashes or a country prefix: the service checks and compacts them
    tax_code = forms.CharField(label=_("Tax code"), required=False, max_length=30)
    vat_number = forms.CharField(label=_("VAT number"), required=False, max_length=30)
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
            "tax_code",
            "vat_number",
            "iban",
            "account_holder",
        ]
        widgets = {
            "code": forms.TextInput(attrs={"dir": "ltr"}),
            "email": forms.EmailInput(attrs={"dir": "ltr"}),
            "tax_code": forms.TextInput(attrs={"dir": "ltr"}),
            "vat_number": forms.TextInput(attrs={"dir": "ltr"}),
            "iban": forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update({"dir": "ltr", "step": "any"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked like a single file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _names(text: str) -> list[str]:
    """Comma- or newline-separated names (Persian commas too) as a list."""
    return [part.strip() for part in text.replace("،", ",").replace("\n", ",").split(",")]


class ApplicationForm(BootstrapMixin, forms.Form):
    """The public application form of a candidate agent."""

    name = forms.CharField(label=_("Company name"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    region = forms.CharField(label=_("Region (province)"), max_length=100)
    city = forms.CharField(label=_("City"), max_length=100)
    address = forms.CharField(label=_("Address"), max_length=300)
    phone = PhoneField(label=_("Phone"))
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"dir": "ltr"}))
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    premises_sqm = forms.IntegerField(label=_("Premises (m²)"), min_value=0, max_value=1_000_000)
    staff_count = forms.IntegerField(label=_("Staff"), min_value=0, max_value=10_000)
    certified_staff = forms.IntegerField(
        label=_("Certified technicians"), min_value=0, max_value=10_000
    )
    years_experience = forms.IntegerField(
        label=_("Years of after-sales experience"), min_value=0, max_value=100
    )
    capital = forms.DecimalField(
        label=_("Working capital"), min_value=0, max_digits=18, decimal_places=2
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    equipment = forms.CharField(
        label=_("Equipment you hold"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Product categories you want to serve"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    service_types = forms.ModelMultipleChoiceField(
        label=_("Services you want to offer"),
        queryset=ServiceType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("Anything else we should know"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    registration = forms.FileField(
        label=_("Company registration or business licence (PDF or image, up to 10 MB)")
    )
    documents = MultipleFileField(
        label=_("Other documents: premises, certificates, financial statements"),
        required=False,
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # a trap for robots

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.order_by("code")
        self.fields["service_types"].queryset = ServiceType.objects.filter(is_active=True)
        for name in ("categories", "service_types"):
            self.fields[name].widget.attrs["class"] = "list-unstyled"
        self.fields["capital"].widget.attrs["dir"] = "ltr"

    def clean_registration(self):
        return clean_file_size(self.cleaned_data["registration"], max_mb=10)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("The application could not be accepted."))
        return data

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("website", None)
        registration = data.pop("registration")
        others = data.pop("documents") or []
        data["documents"] = [(DocumentKind.REGISTRATION, registration)] + [
            (DocumentKind.OTHER, upload) for upload in others
        ]
        return data


class TransitionForm(BootstrapMixin, forms.Form):
    to = forms.ChoiceField(label=_("New state"))
    note = forms.CharField(
        label=_("Reason or note"),
        required=False,
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
    )

    def __init__(self, *args, agent, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(agent.status, frozenset())
        self.fields["to"].choices = [(s.value, s.label) for s in AgentStatus if s in allowed]


class EvaluationForm(BootstrapMixin, forms.Form):
    """One 0-10 rating per active criterion, and a note."""

    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=_("%(name)s (weight %(weight)s)")
                % {"name": criterion.name, "weight": criterion.weight},
                min_value=0,
                max_value=10,
                help_text=criterion.description,
            )
        self.order_fields([f"criterion_{c.pk}" for c in self.criteria] + ["note"])
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"].widget.attrs.update(
                {"inputmode": "numeric", "dir": "ltr"}
            )

    def service_data(self) -> dict:
        return {
            "ratings": {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria},
            "note": self.cleaned_data["note"],
        }


class ContractForm(BootstrapMixin, forms.Form):
    starts_on = DateField(label=_("Valid from"))
    ends_on = DateField(label=_("Valid until"))
    regions = forms.CharField(
        label=_("Regions"), required=False, help_text=_("Separate names with commas.")
    )
    cities = forms.CharField(
        label=_("Cities"), required=False, help_text=_("Separate names with commas.")
    )
    service_types = forms.ModelMultipleChoiceField(
        label=_("Service types"),
        queryset=ServiceType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every service type."),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Product categories"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every category."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.order_by("code")
        self.fields["service_types"].queryset = ServiceType.objects.filter(is_active=True)
        for name in ("categories", "service_types"):
            self.fields[name].widget.attrs["class"] = "list-unstyled"

    def clean_regions(self):
        return _names(self.cleaned_data["regions"])

    def clean_cities(self):
        return _names(self.cleaned_data["cities"])


class DocumentForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    upload = forms.FileField(label=_("File (PDF or image, up to 10 MB)"))


class PeriodForm(BootstrapMixin, forms.Form):
    start = DateField(label=_("From"))
    end = DateField(label=_("Until"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period cannot end before it starts."))
        return data


class GradeAssignForm(BootstrapMixin, forms.Form):
    grade = forms.ModelChoiceField(label=_("Grade"), queryset=Grade.objects.none())
    valid_from = DateField(label=_("Valid from"))
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].queryset = Grade.objects.filter(is_active=True)


class TargetForm(BootstrapMixin, forms.Form):
    metric = forms.ChoiceField(label=_("KPI"), choices=Metric.choices)
    period_start = DateField(label=_("From"))
    period_end = DateField(label=_("Until"))
    value = forms.DecimalField(label=_("Target value"), max_digits=8, decimal_places=4)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class ActionForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea({"rows": 3})
    )
    metric = forms.ChoiceField(
        label=_("KPI addressed"), choices=[("", "—"), *Metric.choices], required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_on = DateField(label=_("Due"))

    def __init__(self, *args, agent, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            User.objects.filter(is_active=True)
            .filter(Q(agent=agent) | Q(role__in=[Role.MANAGER, Role.QUALITY, Role.OPERATOR]))
            .order_by("username")
        )


class ActionCloseForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (ActionStatus.DONE, ActionStatus.DONE.label),
            (ActionStatus.CANCELLED, ActionStatus.CANCELLED.label),
        ],
    )
    result = forms.CharField(label=_("Result"), widget=forms.Textarea({"rows": 3}))


class ReviewForm(BootstrapMixin, forms.Form):
    period_start = DateField(label=_("Period from"))
    period_end = DateField(label=_("Period until"))
    held_on = DateField(label=_("Held on"))
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea({"rows": 4}))
    decisions = forms.CharField(
        label=_("Decisions"), required=False, widget=forms.Textarea({"rows": 3})
    )


class EquipmentCheckForm(BootstrapMixin, forms.Form):
    equipment = forms.ModelChoiceField(label=_("Equipment"), queryset=Equipment.objects.none())
    quantity = forms.IntegerField(label=_("Quantity held"), min_value=0, max_value=10_000)
    checked_on = DateField(label=_("Checked on"))
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].queryset = Equipment.objects.filter(is_active=True)


class GradeForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Grade
        fields = [
            "code",
            "name",
            "rank",
            "min_score",
            "tariff_level",
            "settlement_adjustment_percent",
            "categories",
            "service_types",
            "is_active",
        ]
        widgets = {
            "categories": forms.CheckboxSelectMultiple(attrs={"class": "list-unstyled"}),
            "service_types": forms.CheckboxSelectMultiple(attrs={"class": "list-unstyled"}),
        }


class MetricForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = ScorecardMetric
        fields = ["weight", "floor", "target", "is_active"]


class CriterionForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["code", "name", "description", "weight", "is_active"]


class EquipmentForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Equipment
        fields = ["code", "name", "description", "required_for", "quantity", "is_active"]
        widgets = {"required_for": forms.CheckboxSelectMultiple(attrs={"class": "list-unstyled"})}
