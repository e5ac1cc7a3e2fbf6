"""Customer forms: names by kind, identity numbers by country, phones in any format."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Country
from aftersales.core.forms import BootstrapMixin, PhoneField
from aftersales.core.phones import format_phone
from aftersales.core.text import latin_digits

from .models import Address, Customer

E_INVOICING_FIELDS = ("sdi_code", "pec")


class CustomerForm(BootstrapMixin, forms.ModelForm):
    phone = PhoneField(label=_("Phone"), required=True)
    phone_2 = PhoneField(label=_("Second phone"), required=False)

    class Meta:
        model = Customer
        fields = [
            "kind",
            "first_name",
            "last_name",
            "company_name",
            "phone",
            "phone_2",
            "email",
            "country",
            "national_id",
            "vat_number",
            "sdi_code",
            "pec",
            "preferred_language",
            "tier",
            "consent_sms",
            "consent_email",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # shown as people write them: +39 02 7503 5912, not +390275035912
            numbers = [format_phone(phone.number) for phone in self.instance.phones.all()]
            self.initial.setdefault("phone", numbers[0] if numbers else "")
            self.initial.setdefault("phone_2", numbers[1] if len(numbers) > 1 else "")
        if not self._italian():  # where an Italian customer's fatture elettroniche go
            for name in E_INVOICING_FIELDS:
                self.fields.pop(name, None)
        for name in ("national_id", "vat_number", *E_INVOICING_FIELDS):
            if name in self.fields:
                self.fields[name].widget.attrs["dir"] = "ltr"

    def _italian(self) -> bool:
        countries = {self.instance.country if self.instance.pk else self.initial.get("country")}
        if self.is_bound:
            countries.add(self.data.get("country"))
        return Country.ITALY in countries

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("phone", "phone_2")}
        data["phones"] = [self.cleaned_data.get("phone"), self.cleaned_data.get("phone_2")]
        return data


class MyDetailsForm(CustomerForm):
    """What customers change of their own details in the portal (the service's rule)."""

    class Meta(CustomerForm.Meta):
        fields = [
            "first_name",
            "last_name",
            "phone",
            "phone_2",
            "email",
            "preferred_language",
            "consent_sms",
            "consent_email",
        ]


class AddressForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Address
        fields = [
            "label",
            "country",
            "region",
            "city",
            "line",
            "postal_code",
            "latitude",
            "longitude",
            "is_default",
        ]

    def clean_postal_code(self):
        return latin_digits(self.cleaned_data.get("postal_code", ""))

    def clean(self):
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValidationError(_("These coordinates are outside the Earth."))
        return data
