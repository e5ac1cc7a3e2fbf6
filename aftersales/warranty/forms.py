"""Warranty forms: parse and check input; the writes are in `services.py`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.forms import InlineCheckboxes
from aftersales.catalog.models import Category, Part, ProductModel
from aftersales.core.forms import BootstrapMixin, DateField

from .choices import ClaimStatus, Exclusion, GuaranteeKind, Payer
from .models import ExtendedContract, WarrantyPolicy


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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = Part.objects.restrict(user, "view")


class GuaranteeForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=GuaranteeKind.choices)
    days = forms.IntegerField(label=_("Days"), min_value=1, required=False)
    repairs = forms.IntegerField(label=_("Repairs"), min_value=2, required=False)
    working_days = forms.IntegerField(label=_("Working days"), min_value=1, required=False)
