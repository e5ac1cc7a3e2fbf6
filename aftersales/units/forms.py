"""Unit forms. Owners are found by phone number, as an operator on the phone would."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.catalog.models import ProductModel
from aftersales.core.forms import BootstrapMixin, DateField, PhoneField, clean_file_size
from aftersales.customers.models import Address, Customer
from aftersales.workforce.models import Technician

from .models import Unit
from .selectors import home_currency


def _customer_by_phone(user, number: str) -> Customer:
    customer = Customer.objects.restrict(user, "view").filter(phones__number=number).first()
    if customer is None:
        raise ValidationError(_("No customer has this phone number. Create the customer first."))
    return customer


class UnitForm(BootstrapMixin, forms.ModelForm):
    owner_phone = PhoneField(label=_("Owner's phone"), required=False)
    production_date = DateField(label=_("Production date"), required=False)
    sale_date = DateField(label=_("Sale date"), required=False)
    installation_date = DateField(label=_("Installation date"), required=False)

    class Meta:
        model = Unit
        fields = [
            "product_model",
            "serial",
            "owner_phone",
            "status",
            "production_date",
            "batch",
            "sale_date",
            "dealer",
            "sale_invoice",
            "sale_price",
            "sale_currency",
            "installation_date",
            "installation_address",
            "installer",
            "service_agent",
        ]

    def __init__(self, *args, user, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.owner = owner or self.instance.owner if self.instance.pk else owner
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view").filter(
            is_active=True
        ) | ProductModel.objects.filter(pk=self.instance.product_model_id or 0)
        self.fields["service_agent"].queryset = Agent.objects.restrict(user, "view")
        self.fields["installer"].queryset = Technician.objects.restrict(user, "view")
        self.fields["serial"].widget.attrs["dir"] = "ltr"
        self.fields["sale_price"].widget.attrs.update({"min": "0", "dir": "ltr"})
        self.fields["sale_currency"].required = False  # as before when left out
        if self.instance.sale_price is None:  # not priced yet: offer the company's currency
            self.initial["sale_currency"] = home_currency()
        owner = self.owner
        self.fields["installation_address"].queryset = (
            Address.objects.filter(customer=owner) if owner else Address.objects.none()
        )
        if self.instance.pk:
            del self.fields["owner_phone"]  # ownership changes through a transfer
        elif owner is not None:
            self.fields["owner_phone"].initial = getattr(owner.primary_phone, "number", "")
            self.fields["owner_phone"].help_text = _("Owner: %(name)s") % {"name": owner}

    def clean(self):
        data = super().clean()
        if not data.get("sale_currency"):  # the service's default, before the model validates
            data["sale_currency"] = (self.instance.pk and self.instance.sale_currency) or (
                home_currency()
            )
        number = data.get("owner_phone")
        if number:
            try:
                self.owner = _customer_by_phone(self.user, number)
            except ValidationError as error:
                self.add_error("owner_phone", error)
        return data

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "owner_phone"}
        if not self.instance.pk:
            data["owner"] = self.owner
        return data

    def validate_unique(self):
        """Uniqueness of (model, serial) is checked by the service on the normalised serial."""


class TransferForm(BootstrapMixin, forms.Form):
    new_owner_phone = PhoneField(label=_("New owner's phone"))
    date = DateField(label=_("Date of transfer"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.initial.setdefault("date", timezone.localdate())

    def clean_new_owner_phone(self):
        number = self.cleaned_data["new_owner_phone"]
        self.new_owner = _customer_by_phone(self.user, number)
        return number

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return date


class ReadingForm(BootstrapMixin, forms.Form):
    value = forms.DecimalField(label=_("Reading"), min_value=0, max_digits=12, decimal_places=1)


class RegistrationForm(BootstrapMixin, forms.Form):
    """A customer registers a product they bought."""

    product_model = forms.ModelChoiceField(label=_("Model"), queryset=ProductModel.objects.none())
    serial = forms.CharField(label=_("Serial number"), max_length=60)
    purchase_date = DateField(label=_("Purchase date"))
    dealer = forms.CharField(label=_("Where you bought it"), max_length=200, required=False)
    proof = forms.FileField(
        label=_("Proof of purchase"),
        help_text=_("A photo or PDF of the invoice or receipt (JPG, PNG or PDF, up to 5 MB)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"}),
    )
    installation_address = forms.ModelChoiceField(
        label=_("Installed at"), queryset=Address.objects.none(), required=False
    )

    ALLOWED = {".jpg", ".jpeg", ".png", ".pdf"}

    def __init__(self, *args, customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_model"].queryset = ProductModel.objects.filter(is_active=True)
        self.fields["installation_address"].queryset = customer.addresses.all()
        self.fields["serial"].widget.attrs["dir"] = "ltr"

    def clean_proof(self):
        upload = clean_file_size(self.cleaned_data["proof"], max_mb=5)
        name = upload.name.lower()
        if not any(name.endswith(ext) for ext in self.ALLOWED):
            raise ValidationError(_("Upload a JPG, PNG or PDF file."))
        head = upload.read(8)
        upload.seek(0)
        if not (
            head.startswith(b"%PDF") or head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8")
        ):
            raise ValidationError(_("This file is not a real JPG, PNG or PDF."))
        return upload


class RejectForm(BootstrapMixin, forms.Form):
    rejection_reason = forms.CharField(label=_("Reason"), max_length=300)
