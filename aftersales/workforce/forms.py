"""Workforce forms: parse and check input; the writes are in `services/`."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.catalog.forms import InlineCheckboxes
from aftersales.catalog.models import Category, ProductModel
from aftersales.core.choices import Role
from aftersales.core.forms import BootstrapMixin, DateField, PhoneField
from aftersales.core.models import User
from aftersales.core.text import latin_digits
from aftersales.customers.models import Customer
from aftersales.service.models import ServiceType

from .choices import AbsenceKind, AttendanceStatus
from .models import (
    ABSENCE_DECIDERS,
    Asset,
    Certification,
    Course,
    Qualification,
    Technician,
    TrainingSession,
)

SHIFT_FIELDS = ("shift_start", "shift_end", "break_minutes")


class WholeNumberField(forms.IntegerField):
    """A count or a distance typed with Latin or Persian digits (a phone's Persian keyboard)."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "dir": "ltr"})

    def widget_attrs(self, widget):
        return {}  # no min/max attributes on a text box

    def to_python(self, value):
        if isinstance(value, str):
            value = latin_digits(value).replace(",", "").replace("٬", "").strip()
        return super().to_python(value)


class TechnicianForm(BootstrapMixin, forms.ModelForm):
    phone = PhoneField(label=_("Phone"), required=False)

    class Meta:
        model = Technician
        fields = [
            "first_name",
            "last_name",
            "phone",
            "agent",
            "categories",
            "service_types",
            "product_models",
            "home_latitude",
            "home_longitude",
            "shift_start",
            "shift_end",
            "break_minutes",
            "user",
            "is_active",
        ]
        widgets = {
            "categories": InlineCheckboxes,
            "service_types": InlineCheckboxes,
            "shift_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "shift_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        labels = {"user": _("Login")}
        help_texts = {
            "agent": _("Leave empty for the maker's own technicians."),
            "user": _("The technician's own login, if they have one."),
            "home_latitude": _("Where the technician's day starts, for route planning."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent"].queryset = Agent.objects.restrict(user, "view")
        self.fields["agent"].empty_label = _("The maker's own staff")
        self.fields["categories"].queryset = Category.objects.restrict(user, "view")
        self.fields["service_types"].queryset = ServiceType.objects.restrict(user, "view").filter(
            is_active=True
        )
        self.fields["product_models"].queryset = ProductModel.objects.restrict(user, "view").filter(
            is_active=True
        )
        self.fields["product_models"].widget.attrs["size"] = 6
        for name in SHIFT_FIELDS:  # left empty: as it was (or the usual day for a new one)
            self.fields[name].required = False
        logins = User.objects.filter(role=Role.TECHNICIAN, technician__isnull=True)
        if self.instance.user_id:
            logins = logins | User.objects.filter(pk=self.instance.user_id)
        self.fields["user"].queryset = logins.order_by("username")
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.username})" if u.get_full_name() else u.username
        )

    def clean(self):
        data = super().clean()
        for name in SHIFT_FIELDS:
            if data.get(name) is None:
                data[name] = getattr(self.instance, name)
        return data


class QualificationForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Qualification
        fields = [
            "name",
            "categories",
            "service_types",
            "validity_months",
            "description",
            "is_active",
        ]
        widgets = {
            "categories": InlineCheckboxes,
            "service_types": InlineCheckboxes,
            "description": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "categories": _(
                "Work on these product categories needs it; none ticked: every category."
            ),
            "service_types": _("Work of these service types needs it; none ticked: every type."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.restrict(user, "view")
        self.fields["service_types"].queryset = ServiceType.objects.restrict(user, "view")


class CertificationForm(BootstrapMixin, forms.ModelForm):
    issued_on = DateField(label=_("Issued on"))
    expires_on = DateField(
        label=_("Expires on"),
        required=False,
        help_text=_("Leave empty to use the qualification's validity (or no expiry)."),
    )

    class Meta:
        model = Certification
        fields = ["qualification", "number", "issued_on", "expires_on"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].queryset = Qualification.objects.restrict(user, "view").filter(
            is_active=True
        )


class CourseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Course
        fields = ["code", "title", "audience", "hours", "qualification", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].queryset = Qualification.objects.restrict(user, "view")
        self.fields["hours"].min_value = 0
        self.fields["hours"].validators.append(_at_least_zero)


def _at_least_zero(value):
    if value is not None and value < 0:
        raise forms.ValidationError(_("Give a number of zero or more."))


class SessionForm(BootstrapMixin, forms.ModelForm):
    starts_on = DateField(label=_("Starts on"))
    ends_on = DateField(label=_("Ends on"))

    class Meta:
        model = TrainingSession
        fields = [
            "course",
            "starts_on",
            "ends_on",
            "location",
            "trainer",
            "capacity",
            "status",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        courses = Course.objects.restrict(user, "view").filter(is_active=True)
        if self.instance.course_id:
            courses = courses | Course.objects.filter(pk=self.instance.course_id)
        self.fields["course"].queryset = courses.distinct()


class EnrolForm(BootstrapMixin, forms.Form):
    """One attendee: a technician, a customer, or a member of staff by name."""

    technician = forms.ModelChoiceField(
        Technician.objects.none(), label=_("Technician"), required=False
    )
    customer_phone = PhoneField(
        label=_("Or a customer, by phone"),
        required=False,
        help_text=_("Any phone number on the customer's record."),
    )
    name = forms.CharField(label=_("Or a member of staff, by name"), required=False, max_length=200)
    agent = forms.ModelChoiceField(
        Agent.objects.none(),
        label=_("Works for agent"),
        required=False,
        help_text=_("For a member of staff by name; empty for the maker's staff."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["technician"].queryset = Technician.objects.restrict(user, "view").filter(
            is_active=True
        )
        self.customers = Customer.objects.restrict(user, "view")
        self.fields["agent"].queryset = Agent.objects.restrict(user, "view")

    def clean(self):
        data = super().clean()
        phone = data.pop("customer_phone", "")
        data["customer"] = None
        if phone:
            data["customer"] = self.customers.filter(phones__number=phone).first()
            if data["customer"] is None:
                self.add_error("customer_phone", _("No customer has this phone number."))
        return data


class MarkForm(forms.Form):
    status = forms.ChoiceField(choices=AttendanceStatus.choices)


class AssetForm(BootstrapMixin, forms.ModelForm):
    acquired_on = DateField(label=_("Acquired on"), required=False)
    last_service_on = DateField(label=_("Last serviced on"), required=False)
    service_interval_km = WholeNumberField(
        label=_("Service every (km)"),
        required=False,
        help_text=_("Vehicles only: the service is due every so many km."),
    )
    service_interval_days = WholeNumberField(
        label=_("Service every (days)"),
        required=False,
        max_value=32767,
        help_text=_("Vehicles only: the service is due every so many days."),
    )
    last_service_km = WholeNumberField(label=_("Odometer at last service (km)"), required=False)

    class Meta:
        model = Asset
        fields = [
            "kind",
            "code",
            "name",
            "serial",
            "plate",
            "acquired_on",
            "service_interval_km",
            "service_interval_days",
            "last_service_on",
            "last_service_km",
            "notes",
            "is_active",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"plate": _("Vehicles only.")}


class HandoverForm(BootstrapMixin, forms.Form):
    technician = forms.ModelChoiceField(Technician.objects.none(), label=_("Technician"))
    condition_out = forms.CharField(label=_("Condition"), required=False, max_length=300)
    km_out = WholeNumberField(label=_("Odometer (km)"), required=False)
    signed_by = forms.CharField(label=_("Signed by"), max_length=200)
    signature = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, vehicle: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["technician"].queryset = Technician.objects.restrict(user, "view").filter(
            is_active=True
        )
        if not vehicle:
            del self.fields["km_out"]


class ReturnForm(BootstrapMixin, forms.Form):
    condition_in = forms.CharField(label=_("Condition"), required=False, max_length=300)
    km_in = WholeNumberField(label=_("Odometer (km)"), required=False)

    def __init__(self, *args, vehicle: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not vehicle:
            del self.fields["km_in"]


class ReadingForm(BootstrapMixin, forms.Form):
    km = WholeNumberField(label=_("Odometer (km)"))
    read_on = DateField(label=_("Read on"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class ServicedForm(BootstrapMixin, forms.Form):
    on = DateField(label=_("Serviced on"))
    km = WholeNumberField(label=_("Odometer (km)"))
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class AbsenceForm(BootstrapMixin, forms.Form):
    """Time off: whole days (no times given), or from a time on the first day until a time on the
    last day. A technician asks for their own; staff choose the technician and may enter it as
    approved at once."""

    technician = forms.ModelChoiceField(Technician.objects.none(), label=_("Technician"))
    kind = forms.ChoiceField(choices=AbsenceKind.choices, label=_("Why"))
    first_day = DateField(label=_("First day"))
    last_day = DateField(
        label=_("Last day"), required=False, help_text=_("Leave empty for one day.")
    )
    from_time = forms.TimeField(
        label=_("From"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Leave the times empty for whole days."),
    )
    until_time = forms.TimeField(
        label=_("Until"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    approved = forms.BooleanField(
        label=_("Approved already"),
        required=False,
        initial=True,
        help_text=_("E.g. the technician called in sick: no request to decide."),
    )

    def __init__(self, *args, user, technician=None, **kwargs):
        super().__init__(*args, **kwargs)
        if technician is not None:  # a technician asks for their own
            del self.fields["technician"]
            self.technician = technician
        else:
            self.technician = None
            self.fields["technician"].queryset = Technician.objects.restrict(user, "view").filter(
                is_active=True
            )
        if technician is not None or not (user.is_superuser or user.role in ABSENCE_DECIDERS):
            del self.fields["approved"]

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day") or data.get("first_day")
        if first is None:
            return data
        start_time, end_time = data.get("from_time"), data.get("until_time")
        if last < first:
            self.add_error("last_day", _("The last day cannot be before the first day."))
            return data
        data["all_day"] = start_time is None and end_time is None
        begin = datetime.datetime.combine(first, start_time or datetime.time(0))
        if end_time is None:
            finish = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(0))
        else:
            finish = datetime.datetime.combine(last, end_time)
        if finish <= begin:
            self.add_error("until_time", _("The absence must end after it starts."))
            return data
        data["starts_at"] = timezone.make_aware(begin)
        data["ends_at"] = timezone.make_aware(finish)
        if self.technician is not None:
            data["technician"] = self.technician
        return data

    def service_data(self) -> dict:
        """What the absence services take."""
        data = self.cleaned_data
        return {
            "technician": data["technician"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "all_day": data["all_day"],
            "kind": data["kind"],
            "note": data.get("note", ""),
        }


class AbsenceDecisionForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to refuse; shown to the technician."),
    )
