"""Catalogue forms: parse and check input; the writes are in `services.py`."""

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import BootstrapMixin, DateField, clean_file_size

from .models import Category, FailureCode, Part, PartPrice, ProductModel

MONTH_CHOICES = [(number, name) for number, name in MONTHS.items()]
MANUAL_MAX_MB = 20


class InlineCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes side by side, in Bootstrap's form-check style (wraps on a phone)."""

    template_name = "catalog/widgets/inline_checkboxes.html"


def month_names(months) -> str:
    """'June, July, August' for [6, 7, 8], in the user's language."""
    return ", ".join(str(MONTHS[m]) for m in sorted(months or []) if m in MONTHS)


class CategoryForm(BootstrapMixin, forms.ModelForm):
    peak_months = forms.TypedMultipleChoiceField(
        label=_("Peak months"),
        choices=MONTH_CHOICES,
        coerce=int,
        required=False,
        widget=InlineCheckboxes,
        help_text=_("Months in which a failure is more urgent, e.g. summer for air conditioners."),
    )

    class Meta:
        model = Category
        fields = ["code", "name_en", "name_fa", "name_it", "peak_months", "peak_weight"]
        widgets = {"code": forms.TextInput(attrs={"dir": "ltr"})}

    def clean_peak_months(self):
        return sorted(set(self.cleaned_data.get("peak_months") or []))


class ProductModelForm(BootstrapMixin, forms.ModelForm):
    launch_date = DateField(label=_("Launch date"), required=False)
    end_of_production = DateField(label=_("End of production"), required=False)

    class Meta:
        model = ProductModel
        fields = [
            "code",
            "name",
            "category",
            "launch_date",
            "end_of_production",
            "usage_meter",
            "manual",
            "is_active",
        ]
        widgets = {"code": forms.TextInput(attrs={"dir": "ltr"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.restrict(user, "view")

    def clean_manual(self):
        return clean_file_size(self.cleaned_data.get("manual"), max_mb=MANUAL_MAX_MB)


class PartForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Part
        fields = ["sku", "name", "description", "compatible_models", "superseded_by", "is_active"]
        widgets = {
            "sku": forms.TextInput(attrs={"dir": "ltr"}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "compatible_models": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["compatible_models"].queryset = ProductModel.objects.restrict(user, "view")
        parts = Part.objects.restrict(user, "view")
        if self.instance.pk:
            parts = parts.exclude(pk=self.instance.pk)
        self.fields["superseded_by"].queryset = parts
        self.fields["superseded_by"].help_text = _(
            "The newer part number that replaces this one, if any."
        )


class FailureCodeForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = FailureCode
        fields = ["code", "level", "name_en", "name_fa", "name_it", "categories", "is_active"]
        widgets = {
            "code": forms.TextInput(attrs={"dir": "ltr"}),
            "categories": InlineCheckboxes,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.restrict(user, "view")


class PartPriceForm(BootstrapMixin, forms.ModelForm):
    valid_from = DateField(label=_("Valid from"))

    class Meta:
        model = PartPrice
        fields = ["price_list", "currency", "amount", "valid_from"]
        widgets = {"amount": forms.NumberInput(attrs={"dir": "ltr", "min": "0", "step": "any"})}

    def clean_amount(self):
        amount = self.cleaned_data.get("amount")
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("A price cannot be negative."), code="negative")
        return amount
