"""Warranty forms: parse and check input; the writes are in `services.py`."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aftersales.catalog.forms import InlineCheckboxes
from aftersales.catalog.models import Category, FailureCode, Part, ProductModel
from aftersales.core.choices import Currency
from aftersales.core.forms import BootstrapMixin, DateField
from aftersales.core.text import normalize_serial

from .choices import ClaimStatus, Exclusion, GuaranteeKind, Payer, RecoveryStatus
from .models import ExtendedContract, LegalMinimum, WarrantyPolicy


class PolicyForm(BootstrapMixin, forms.ModelForm):
    valid_from = DateField(label=_("For units starting from"), required=False)
    exclusions = forms.MultipleChoiceField(
        label=_("Exclusions"), choices=Exclusion.choices, required=False, widget=InlineCheckboxes
    )

    class Meta:
        model = WarrantyPolicy
        fields = [
            "name",
            "product_model",
            "category",
            "valid_from",
            "start_event",
            "months",
            "usage_limit",
            "parts_pct",
            "labour_pct",
            "travel_pct",
            "exclusions",
            "transferable",
            "registration_days",
            "is_active",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["category"].queryset = Category.objects.restrict(user, "view")


class ContractForm(BootstrapMixin, forms.ModelForm):
    starts = DateField(label=_("Starts"))
    ends = DateField(label=_("Ends (last day covered)"))
    exclusions = forms.MultipleChoiceField(
        label=_("Exclusions"), choices=Exclusion.choices, required=False, widget=InlineCheckboxes
    )

    class Meta:
        model = ExtendedContract
        fields = [
            "kind",
            "starts",
            "ends",
            "usage_limit",
            "parts_pct",
            "labour_pct",
            "travel_pct",
            "exclusions",
            "payer",
            "price",
            "currency",
        ]


class DecideForm(BootstrapMixin, forms.Form):
    to = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ClaimStatus.APPROVED, ClaimStatus.APPROVED.label),
            (ClaimStatus.PARTLY, ClaimStatus.PARTLY.label),
            (ClaimStatus.REJECTED, ClaimStatus.REJECTED.label),
            (ClaimStatus.REVIEW, ClaimStatus.REVIEW.label),
        ],
    )
    approved_total = forms.DecimalField(
        label=_("Approved amount"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class VerifyForm(forms.Form):
    serial = forms.CharField(label=_("Serial number"), max_length=60)
    code = forms.CharField(label=_("Card code"), max_length=20)


class PartCoverageForm(BootstrapMixin, forms.Form):
    part = forms.ModelChoiceField(label=_("Part"), queryset=None)
    months = forms.IntegerField(label=_("Months"), min_value=1, max_value=600)
    pct = forms.DecimalField(label=_("Covered (%)"), min_value=0, max_value=100, initial=100)
    payer = forms.ChoiceField(
        label=_("Who pays"), choices=Payer.choices, initial=Payer.MANUFACTURER
    )
    supplier = forms.CharField(label=_("Supplier"), max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = Part.objects.restrict(user, "view")


class GuaranteeForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=GuaranteeKind.choices)
    days = forms.IntegerField(label=_("Days"), min_value=1, required=False)
    repairs = forms.IntegerField(label=_("Repairs"), min_value=2, required=False)
    working_days = forms.IntegerField(label=_("Working days"), min_value=1, required=False)


def unit_by_serial(user, serial: str, field: str = "serial"):
    """The one unit `user` may see with this serial, or a ValidationError for the field."""
    from aftersales.units.models import Unit

    units = list(
        Unit.objects.restrict(user, "view")
        .filter(serial=normalize_serial(serial))
        .select_related("product_model", "owner")[:2]
    )
    if not units:
        raise forms.ValidationError(_("There is no unit with this serial number."))
    if len(units) > 1:
        raise forms.ValidationError(
            _("Several models carry this serial number: ask the office to claim it.")
        )
    return units[0]


class ClaimForm(BootstrapMixin, forms.Form):
    """A claim for a finished job, typed on a phone: the unit by its serial number."""

    serial = forms.CharField(label=_("Unit serial number"), max_length=60)
    failure_date = DateField(label=_("Failure date"))
    meter = forms.DecimalField(
        label=_("Meter reading"), required=False, min_value=0, max_digits=12, decimal_places=1
    )
    failure_codes = forms.ModelMultipleChoiceField(label=_("Failure codes"), queryset=None)
    causes = forms.MultipleChoiceField(
        label=_("Causes"), choices=Exclusion.choices, required=False, widget=InlineCheckboxes
    )
    labour_minutes = forms.IntegerField(label=_("Labour (minutes)"), min_value=0, initial=0)
    labour_amount = forms.DecimalField(
        label=_("Labour amount"), min_value=0, max_digits=16, decimal_places=2, initial=0
    )
    travel_amount = forms.DecimalField(
        label=_("Travel amount"), min_value=0, max_digits=16, decimal_places=2, initial=0
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices, initial="IRR")
    repair_started = DateField(label=_("Repair started"), required=False)
    repair_finished = DateField(label=_("Repair finished"), required=False)
    external_ref = forms.CharField(label=_("Your reference"), max_length=60, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["failure_codes"].queryset = FailureCode.objects.restrict(user, "view")
        for name in ("labour_minutes", "meter"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
        for name in ("labour_amount", "travel_amount"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"

    def clean_serial(self):
        return unit_by_serial(self.user, self.cleaned_data["serial"])


class ClaimPartForm(BootstrapMixin, forms.Form):
    part = forms.ModelChoiceField(label=_("Part"), queryset=None)
    quantity = forms.IntegerField(
        label=_("Quantity"), min_value=1, required=False, help_text=_("Empty: one.")
    )
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=16, decimal_places=2)
    faulty_serial = forms.CharField(label=_("Faulty part's serial"), max_length=60, required=False)
    return_required = forms.BooleanField(label=_("Return required"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = Part.objects.restrict(user, "view")
        self.fields["amount"].widget.attrs["inputmode"] = "decimal"

    def clean_quantity(self):
        return self.cleaned_data["quantity"] or 1


ClaimPartFormSet = forms.formset_factory(ClaimPartForm, extra=3, max_num=20)


class ReturnAuthorizeForm(BootstrapMixin, forms.Form):
    source = forms.ModelChoiceField(label=_("Held in"), queryset=None)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, required=False)

    def __init__(self, *args, user, **kwargs):
        from aftersales.parts.models import Warehouse

        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = Warehouse.objects.restrict(user, "view").filter(
            is_active=True
        )


class RecoveryForm(BootstrapMixin, forms.Form):
    line = forms.ModelChoiceField(
        label=_("Part"), queryset=None, required=False, empty_label=_("The whole claim")
    )
    supplier = forms.CharField(
        label=_("Supplier"),
        max_length=200,
        required=False,
        help_text=_("Empty: the supplier named on the part's rule."),
    )
    amount = forms.DecimalField(
        label=_("Amount"),
        min_value=0,
        max_digits=16,
        decimal_places=2,
        required=False,
        help_text=_("Empty: the approved amount."),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, claim, user, **kwargs):
        from .models import ClaimPart

        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = (
            ClaimPart.objects.restrict(user, "view").filter(claim=claim).select_related("part")
        )
        self.fields["line"].label_from_instance = lambda line: line.part.sku


class RecoveryMoveForm(BootstrapMixin, forms.Form):
    to = forms.ChoiceField(
        label=pgettext_lazy("form label", "New status"),
        choices=[
            (RecoveryStatus.ACCEPTED, RecoveryStatus.ACCEPTED.label),
            (RecoveryStatus.REJECTED, RecoveryStatus.REJECTED.label),
            (RecoveryStatus.RECOVERED, RecoveryStatus.RECOVERED.label),
        ],
    )
    recovered_amount = forms.DecimalField(
        label=_("Amount recovered"), min_value=0, max_digits=16, decimal_places=2, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class GuaranteeAcceptForm(BootstrapMixin, forms.Form):
    rule = forms.ChoiceField(choices=GuaranteeKind.choices, widget=forms.HiddenInput)
    new_serial = forms.CharField(
        label=_("New unit's serial number"),
        max_length=60,
        required=False,
        help_text=_("For a replacement: the unit given instead (optional)."),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_new_serial(self):
        serial = self.cleaned_data["new_serial"].strip()
        return unit_by_serial(self.user, serial) if serial else None


class LegalMinimumForm(BootstrapMixin, forms.ModelForm):
    exclusions = forms.MultipleChoiceField(
        label=_("Exclusions"), choices=Exclusion.choices, required=False, widget=InlineCheckboxes
    )

    class Meta:
        model = LegalMinimum
        fields = [
            "country",
            "category",
            "months",
            "presumption_months",
            "commitment_years",
            "parts_pct",
            "labour_pct",
            "travel_pct",
            "exclusions",
            "survives_transfer",
            "source",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.restrict(user, "view")


class StandardTimeForm(BootstrapMixin, forms.Form):
    failure_code = forms.ModelChoiceField(label=_("Failure code"), queryset=None)
    minutes = forms.IntegerField(label=_("Standard minutes"), min_value=1)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["failure_code"].queryset = FailureCode.objects.restrict(user, "view")
