"""Forms of the settlement pages: they parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.core.forms import AmountField, BootstrapMixin, DateField

from .choices import PaymentMethod
from .models import Settlement


class DraftForm(BootstrapMixin, forms.Form):
    agent = forms.ModelChoiceField(queryset=Agent.objects.none(), label=_("Agent"))
    period_start = DateField(
        label=_("From"),
        required=False,
        help_text=_("Empty: the month after the agent's last settlement, or last month."),
    )
    period_end = DateField(
        label=_("To"), required=False, help_text=_("Empty: the end of that month.")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent"].queryset = Agent.objects.restrict(user, "view").order_by("name")


class AdjustmentForm(BootstrapMixin, forms.Form):
    amount = AmountField(
        label=_("Amount"),
        max_digits=18,
        decimal_places=2,
        help_text=_("Above zero the agent receives more; below zero (e.g. -50000) less."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)


class PaymentForm(BootstrapMixin, forms.Form):
    amount = AmountField(label=_("Amount"), max_digits=18, decimal_places=2, min_value=0)
    paid_on = DateField(label=_("Paid on"))
    method = forms.ChoiceField(
        label=_("Method"), choices=PaymentMethod.choices, initial=PaymentMethod.TRANSFER
    )
    reference = forms.CharField(label=_("Bank reference"), max_length=60, required=False)


class MarkPaidForm(BootstrapMixin, forms.Form):
    paid_on = DateField(label=_("Paid on"))
    method = forms.ChoiceField(
        label=_("Method"), choices=PaymentMethod.choices, initial=PaymentMethod.TRANSFER
    )
    reference = forms.CharField(label=_("Bank reference"), max_length=60, required=False)


class PaymentRunForm(BootstrapMixin, forms.Form):
    """Which approved settlements of one currency to pay by transfer, and when."""

    settlements = forms.ModelMultipleChoiceField(
        queryset=Settlement.objects.none(),
        label=_("Settlements to pay"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one settlement to pay.")},
    )
    execution_date = DateField(label=_("To be executed on"))

    def __init__(self, *args, payable, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["settlements"].queryset = payable


class PaymentRunPaidForm(BootstrapMixin, forms.Form):
    paid_on = DateField(label=_("Paid on"))
    reference = forms.CharField(label=_("Bank reference"), max_length=60, required=False)


class StatusReportForm(BootstrapMixin, forms.Form):
    report = forms.FileField(
        label=_("Bank's status report (pain.002, XML)"),
        help_text=_("The file your bank sends back after receiving the SEPA file."),
    )
