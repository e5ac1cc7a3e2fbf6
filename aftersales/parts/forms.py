"""Stock forms: parse and check input; the writes are in `services.py`."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aftersales.agents.models import Agent
from aftersales.catalog.models import Part
from aftersales.core.choices import Currency
from aftersales.core.forms import BootstrapMixin, PhoneField
from aftersales.core.templatetags.aftersales import digits
from aftersales.core.text import latin_digits
from aftersales.customers.models import Customer

from .choices import InspectionResult
from .models import Warehouse


class PartSKUField(forms.CharField):
    """A part typed by its SKU (the catalogue is too long for a drop-down)."""

    def __init__(self, *, user=None, **kwargs):
        self.user = user
        kwargs.setdefault("label", _("Part (SKU)"))
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({"dir": "ltr", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        sku = latin_digits(value.strip())
        part = Part.objects.restrict(self.user, "view").filter(sku__iexact=sku).first()
        if part is None:
            raise ValidationError(_("No part with this SKU."), code="unknown_part")
        return part


class DocumentNumberField(forms.CharField):
    """A document number (delivery note, visit, claim, tracking): Latin digits whatever the
    keyboard, so "V-۱۲۳" and "V-123" name the same document in the ledger."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 60)
        super().__init__(**kwargs)
        self.widget.attrs.update({"dir": "ltr", "autocomplete": "off"})

    def to_python(self, value):
        return latin_digits(super().to_python(value))


class StockForm(BootstrapMixin, forms.Form):
    """A base for stock forms: warehouses limited to those the user may post to."""

    warehouse_fields: tuple[str, ...] = ("warehouse",)

    def __init__(self, *args, user, warehouses, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.warehouse_fields:
            self.fields[name].queryset = warehouses
        if "part" in self.fields:
            self.fields["part"].user = user


def _warehouse(label=None):
    return forms.ModelChoiceField(queryset=Warehouse.objects.none(), label=label or _("Warehouse"))


def _quantity():
    return forms.IntegerField(label=_("Quantity"), min_value=1)


class ReceiveForm(StockForm):
    warehouse = _warehouse()
    part = PartSKUField()
    quantity = _quantity()
    document_number = DocumentNumberField(label=_("Delivery note number"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ScrapForm(StockForm):
    """Units written off: damaged good stock, or defective parts not to be returned."""

    warehouse = _warehouse()
    part = PartSKUField()
    quantity = _quantity()
    document_number = DocumentNumberField(label=_("Scrap note number"))
    defective = forms.BooleanField(label=_("The part is defective"), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class TransferForm(StockForm):
    warehouse_fields = ("source", "destination")
    source = _warehouse(pgettext_lazy("movement", "From"))
    destination = _warehouse(pgettext_lazy("movement", "To"))
    part = PartSKUField()
    quantity = _quantity()
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CountForm(StockForm):
    """A count of one part in one warehouse; the difference is posted as an adjustment."""

    warehouse = _warehouse()
    part = PartSKUField()
    counted = forms.IntegerField(label=_("Counted on the shelf"), min_value=0)


class ReserveForm(StockForm):
    warehouse = _warehouse()
    part = PartSKUField()
    quantity = _quantity()
    document_number = DocumentNumberField(label=_("Visit or document number"))


class VanReturnForm(BootstrapMixin, forms.Form):
    """What a technician brings back from a job."""

    part = PartSKUField()
    quantity = _quantity()
    document_number = DocumentNumberField(label=_("Visit number"))
    defective = forms.BooleanField(label=_("The part is defective"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].user = user


class ReturnAuthorizeForm(StockForm):
    warehouse_fields = ("source", "destination")
    source = _warehouse(pgettext_lazy("movement", "From"))
    destination = _warehouse(pgettext_lazy("movement", "To"))
    part = PartSKUField()
    quantity = _quantity()
    claim_number = DocumentNumberField(label=_("Claim number"), required=False)


class ReturnShipForm(BootstrapMixin, forms.Form):
    carrier = forms.CharField(label=_("Carrier"), max_length=100, required=False)
    tracking_number = DocumentNumberField(
        label=_("Tracking number"), max_length=100, required=False
    )


class ReturnInspectForm(BootstrapMixin, forms.Form):
    result = forms.ChoiceField(label=_("Inspection result"), choices=InspectionResult.choices)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class PlanForm(BootstrapMixin, forms.Form):
    min_stock = forms.IntegerField(label=_("Minimum"), min_value=0)
    reorder_point = forms.IntegerField(label=_("Reorder point"), min_value=0)
    max_stock = forms.IntegerField(label=_("Maximum"), min_value=0)


class WarehouseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Warehouse
        fields = ["code", "name", "kind", "agent", "technician", "region", "is_active"]
        widgets = {"code": forms.TextInput(attrs={"dir": "ltr"})}


SALE_LINES = 5


class CounterSaleForm(StockForm):
    """A counter sale: the warehouse, the buyer (a customer found by phone, or an agent) and up
    to five lines of SKU and quantity. Prices come from the price list, not from the form."""

    warehouse = _warehouse()
    customer_phone = PhoneField(label=_("Customer's phone"), required=False)
    agent = forms.ModelChoiceField(
        queryset=Agent.objects.none(), label=_("or an agent"), required=False
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, user, warehouses, **kwargs):
        super().__init__(*args, user=user, warehouses=warehouses, **kwargs)
        self.user = user
        self.fields["agent"].queryset = Agent.objects.restrict(user, "view").filter(is_active=True)
        for index in range(1, SALE_LINES + 1):
            self.fields[f"sku_{index}"] = PartSKUField(
                user=user,
                required=index == 1,
                label=_("Part %(number)s (SKU)") % {"number": digits(index)},
            )
            self.fields[f"quantity_{index}"] = forms.IntegerField(
                label=_("Quantity"),
                min_value=1,
                required=index == 1,
                initial=1 if index == 1 else None,
            )
        self.order_fields(["warehouse", "customer_phone", "agent"])

    def clean(self):
        data = super().clean()
        phone, agent = data.get("customer_phone"), data.get("agent")
        customer = None
        if phone:
            customer = (
                Customer.objects.restrict(self.user, "view").filter(phones__number=phone).first()
            )
            if customer is None:
                self.add_error("customer_phone", _("No customer has this phone number."))
        if bool(phone) == bool(agent):
            raise ValidationError(_("Sell to a customer (by phone) or to an agent, not both."))
        lines = []
        for index in range(1, SALE_LINES + 1):
            part, quantity = data.get(f"sku_{index}"), data.get(f"quantity_{index}")
            if part and not quantity:
                self.add_error(f"quantity_{index}", _("Enter the quantity."))
            elif part:
                lines.append((part, quantity))
        data["customer"] = customer
        data["lines"] = lines
        return data

    def sale_data(self) -> dict:
        data = self.cleaned_data
        return {
            "warehouse": data["warehouse"],
            "customer": data["customer"],
            "agent": data["agent"],
            "currency": data["currency"],
            "note": data["note"],
            "lines": data["lines"],
        }
