"""Forms of billing: they parse input; the services decide."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.models import Part
from aftersales.core.forms import AmountField, BootstrapMixin, DateField

from .choices import LineKind, PaymentMethod, QuoteStatus
from .models import Company, FixedPrice, LabourRate, RevenueTarget, TaxRate, TravelZone

DATE_FIELDS = {"valid_from", "start", "end"}
# prices, rates and distances: typed the reader's way (a decimal comma in Italian)
PRICE_FIELDS = {"hourly_rate", "commitment_rate", "fee", "amount", "percent", "up_to_km"}


class RecordForm(BootstrapMixin, forms.ModelForm):
    """A tariff row, a company or a target: dates typed in the user's calendar."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DATE_FIELDS & set(self.fields):
            old = self.fields[name]
            self.fields[name] = DateField(
                label=old.label, required=old.required, help_text=old.help_text
            )


def record_form(model, fields):
    return type(
        f"{model.__name__}Form",
        (RecordForm,),
        {
            "Meta": type(
                "Meta",
                (),
                {
                    "model": model,
                    "fields": fields,
                    "field_classes": dict.fromkeys(PRICE_FIELDS & set(fields), AmountField),
                },
            )
        },
    )


CompanyForm = record_form(
    Company,
    [
        "country",
        "name",
        "currency",
        "vat_number",
        "address",
        "phone",
        "email",
        "iban",
        "bic",
        "invoice_prefix",
        "quote_days",
    ],
)
TaxRateForm = record_form(TaxRate, ["country", "name", "percent", "valid_from"])
LabourRateForm = record_form(
    LabourRate,
    [
        "country",
        "service_type",
        "category",
        "region",
        "hourly_rate",
        "commitment_rate",
        "minimum_minutes",
        "valid_from",
    ],
)
TravelZoneForm = record_form(TravelZone, ["country", "name", "up_to_km", "fee", "valid_from"])
FixedPriceForm = record_form(
    FixedPrice, ["country", "service_type", "product_model", "amount", "minutes", "valid_from"]
)
RevenueTargetForm = record_form(
    RevenueTarget, ["name", "start", "end", "service_type", "region", "amount", "currency"]
)


class QuoteLineForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=LineKind.choices, initial=LineKind.LABOUR)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    part = forms.ModelChoiceField(label=_("Part"), queryset=Part.objects.none(), required=False)
    quantity = AmountField(
        label=_("Quantity"),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        required=False,
    )
    unit_price = AmountField(
        label=_("Unit price"), min_value=0, max_digits=18, decimal_places=2, required=False
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["part"].queryset = Part.objects.restrict(user, "view").filter(
                is_active=True
            )

    def clean(self):
        data = super().clean()
        filled = data.get("description") or data.get("part") or data.get("unit_price")
        if filled:
            if not data.get("quantity"):
                self.add_error("quantity", _("Give a quantity above zero."))
            if data.get("unit_price") is None:
                self.add_error("unit_price", _("Give the price."))
            if not data.get("description") and data.get("part"):
                part = data["part"]
                data["description"] = f"{part.sku} · {part.name}"
            if not data.get("description"):
                self.add_error("description", _("Describe the work or the part."))
        return data


class BaseQuoteLineFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "user": self.user}

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def lines(self) -> list[dict]:
        """The filled rows, each with its number on the page (`line`) for the service's errors."""
        return [
            {**form.cleaned_data, "line": row}
            for row, form in enumerate(self.forms, start=1)
            if form.cleaned_data and form.cleaned_data.get("description")
        ]


QuoteLineFormSet = forms.formset_factory(QuoteLineForm, formset=BaseQuoteLineFormSet, extra=4)


class QuoteForm(BootstrapMixin, forms.Form):
    valid_until = DateField(label=_("Valid until"), required=False)
    note = forms.CharField(label=_("Note to the customer"), widget=forms.Textarea, required=False)


class AnswerForm(BootstrapMixin, forms.Form):
    accept = forms.TypedChoiceField(
        label=_("The customer's answer"),
        choices=[("1", QuoteStatus.ACCEPTED.label), ("0", QuoteStatus.DECLINED.label)],
        coerce=lambda value: value == "1",
    )


class PaymentForm(BootstrapMixin, forms.Form):
    method = forms.ChoiceField(label=_("Method"), choices=PaymentMethod.choices)
    amount = AmountField(
        label=_("Amount"), min_value=Decimal("0.01"), max_digits=18, decimal_places=2
    )
    received_on = DateField(label=_("Date"), required=False)
    reference = forms.CharField(label=_("Reference"), max_length=100, required=False)


class CreditForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Why is the invoice credited?"), max_length=300)


class LineForm(BootstrapMixin, forms.Form):
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    quantity = AmountField(
        label=_("Quantity"), min_value=Decimal("0.01"), max_digits=10, decimal_places=2
    )
    unit_price = AmountField(label=_("Unit price"), min_value=0, max_digits=18, decimal_places=2)


class TargetPeriodForm(BootstrapMixin, forms.Form):
    start = DateField(label=_("From"), required=False)
    end = DateField(label=_("Until"), required=False)


class RequestPickForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Service request number"),
        max_length=30,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )


class BankStatementForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("Bank statement (camt.053 or camt.054, XML)"),
        help_text=_("At most 5 MB."),
    )
