"""Forms of service delivery: they parse input; the services decide."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.models import FailureCode, Part
from aftersales.core import calendars
from aftersales.core.forms import BootstrapMixin, DateField, PhoneField, clean_file_size
from aftersales.core.text import latin_digits, persian_digits
from aftersales.workforce.models import Technician
from aftersales.workforce.selectors import Work, candidates

from .choices import (
    Channel,
    Priority,
    SupportKind,
    SupportOutcome,
    VisitPurpose,
    VisitResult,
)
from .models import ServiceType

GREGORIAN_YEARS = 1700  # a 4-digit year from here on is Gregorian (Jalali years are ~1400)


class JalaliDateTimeInput(forms.DateTimeInput):
    """The browser's date-time picker, or for `fa` a text box with a Jalali date and a time,
    e.g. ۱۴۰۵/۰۹/۰۲ ۱۰:۰۰ (in the active time zone)."""

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        if calendars.uses_jalali():
            widget["type"] = "text"
            widget["attrs"].setdefault("placeholder", "۱۴۰۵/۰۹/۰۲ ۱۰:۰۰")
            widget["attrs"]["data-calendar"] = "jalali"
            widget["attrs"].setdefault("dir", "ltr")
            if isinstance(value, dt.datetime):
                if timezone.is_aware(value):
                    value = timezone.localtime(value)
                text = f"{calendars.jalali_text(value.date())} {value:%H:%M}"
                widget["value"] = persian_digits(text)
        else:
            widget["type"] = "datetime-local"
        return context


class DateTimeField(forms.DateTimeField):
    """A moment: Jalali "1405/09/02 10:00" (Persian or Latin digits) when the user speaks
    Persian, else the browser's ISO value; naive input is in the active time zone."""

    widget = JalaliDateTimeInput

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            value = latin_digits(value).strip()
            if calendars.uses_jalali():
                parsed = _jalali_moment(value)
                if parsed is not None:
                    return super().to_python(parsed)
        return super().to_python(value)


def _jalali_moment(text: str) -> dt.datetime | None:
    """'1405/09/02 10:00' (or 1405-09-02T10:00) as a naive Gregorian datetime, else None."""
    day_text, _sep, time_text = text.replace("T", " ").partition(" ")
    if day_text[:4].isdigit() and int(day_text[:4]) >= GREGORIAN_YEARS:
        return None  # an ISO date from the browser's picker
    day = calendars.parse_jalali(day_text)
    if day is None:
        return None
    time_text = time_text.strip() or "00:00"
    for pattern in ("%H:%M", "%H:%M:%S"):
        try:
            moment = dt.datetime.strptime(time_text, pattern).time()
        except ValueError:
            continue
        return dt.datetime.combine(day, moment)
    return None


class RequestForm(BootstrapMixin, forms.Form):
    """A new request for a known customer: type, unit, where, what."""

    service_type = forms.ModelChoiceField(ServiceType.objects.none(), label=_("Service type"))
    unit = forms.ModelChoiceField(None, label=_("Unit"), required=False)
    address = forms.ModelChoiceField(
        None,
        label=_("Address"),
        required=False,
        help_text=_(
            "Where the technician goes; not needed when the unit is repaired in a workshop."
        ),
    )
    channel = forms.ChoiceField(choices=Channel.choices, label=_("Channel"), initial=Channel.PHONE)
    contact_phone = PhoneField(label=_("Contact phone"), required=False)
    preferred_date = DateField(label=_("Preferred date"), required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, customer, units, portal=False, **kwargs):
        super().__init__(*args, **kwargs)
        types = ServiceType.objects.restrict(user, "view").filter(is_active=True)
        if portal:
            types = types.filter(code__in=["repair", "maintenance", "installation", "support"])
            del self.fields["channel"]
        self.fields["service_type"].queryset = types
        self.fields["unit"].queryset = units
        self.fields["address"].queryset = customer.addresses.all()
        self.fields["address"].label_from_instance = lambda address: address.line


class TriageForm(BootstrapMixin, forms.Form):
    priority = forms.TypedChoiceField(
        choices=[("", _("As the rules say"))] + Priority.choices,
        coerce=int,
        empty_value=None,
        required=False,
        label=_("Priority"),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class TransitionForm(forms.Form):
    to = forms.CharField()
    note = forms.CharField(required=False, max_length=500)


class _Offered(forms.models.ModelChoiceIterator):
    """The choices shown: a narrower queryset than the one the field accepts."""

    def __init__(self, field, queryset):
        super().__init__(field)
        self.queryset = queryset


# what the dispatcher may plan a visit for (bench work is planned from the workshop job)
PLANNED_PURPOSES = [
    (VisitPurpose.FIELD, VisitPurpose.FIELD.label),
    (VisitPurpose.DELIVERY, VisitPurpose.DELIVERY.label),
]


class ScheduleForm(BootstrapMixin, forms.Form):
    technician = forms.ModelChoiceField(Technician.objects.none(), label=_("Technician"))
    window_start = DateTimeField(label=_("Promised from"))
    window_end = DateTimeField(label=_("Promised until"))
    purpose = forms.TypedChoiceField(
        label=_("What the visit is for"),
        choices=PLANNED_PURPOSES,
        initial=VisitPurpose.FIELD,
        required=False,
        empty_value=VisitPurpose.FIELD,
        help_text=_(
            "While the unit is in a workshop, only its delivery or pick-up may be planned."
        ),
    )

    def __init__(self, *args, user, service_request=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["technician"]
        field.queryset = Technician.objects.restrict(user, "view").filter(is_active=True)
        if service_request is not None:
            self._offer_qualified(field, service_request)

    def _offer_qualified(self, field, service_request) -> None:
        """Offer only the technicians qualified for the work on the preferred day (or today),
        and say why the others are not offered; `visit_schedule` checks the chosen day."""
        day = service_request.preferred_date or timezone.localdate()
        work = Work.of_request(service_request)
        chosen, excluded = candidates(field.queryset, work=work, on=day)
        field.widget.choices = _Offered(field, field.queryset.filter(pk__in=[t.pk for t in chosen]))
        if excluded:
            names = "; ".join(
                _("%(name)s (%(reasons)s)")
                % {"name": technician.full_name, "reasons": " ".join(reasons)}
                for technician, reasons in excluded[:8]
            )
            text = _("Not offered for %(day)s: %(names)s") % {
                "day": calendars.show_date(day),
                "names": names,
            }
            field.help_text = escape(text)  # the form template shows help texts as HTML


class CheckInForm(forms.Form):
    latitude = forms.DecimalField(max_digits=9, decimal_places=6, required=False)
    longitude = forms.DecimalField(max_digits=9, decimal_places=6, required=False)


class DiagnosisForm(BootstrapMixin, forms.Form):
    diagnosis = forms.CharField(
        label=_("Diagnosis"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    failure_codes = forms.ModelMultipleChoiceField(
        FailureCode.objects.none(), label=_("Failure codes"), required=False
    )

    def __init__(self, *args, user, service_type, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["failure_codes"].queryset = FailureCode.objects.restrict(user, "view").filter(
            is_active=True
        )
        self.steps = service_type.checklist
        for index, shown in enumerate(service_type.checklist_shown()):
            self.fields[f"step_{index}"] = forms.BooleanField(label=shown, required=False)

    def checklist(self) -> dict[str, bool]:
        return {step: self.cleaned_data[f"step_{i}"] for i, step in enumerate(self.steps)}


class PartForm(BootstrapMixin, forms.Form):
    part = forms.ModelChoiceField(Part.objects.none(), label=_("Part"))
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, initial=1)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = Part.objects.restrict(user, "view")


PHOTO_MAX_MB = 10


class PhotoForm(BootstrapMixin, forms.Form):
    image = forms.ImageField(label=_("Photo"))
    caption = forms.CharField(label=_("Caption"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the limit and clean_file_size's words for it, for the page to say before uploading
        # or keeping a photo on the phone (service/offline.js)
        shown = persian_digits(str(PHOTO_MAX_MB)) if calendars.uses_jalali() else PHOTO_MAX_MB
        self.fields["image"].widget.attrs.update(
            {
                "data-max-bytes": PHOTO_MAX_MB * 1024 * 1024,
                "data-too-big": _("The file is larger than %(max)s MB.") % {"max": shown},
            }
        )

    def clean_image(self):
        return clean_file_size(self.cleaned_data["image"], max_mb=PHOTO_MAX_MB)


class SignatureForm(BootstrapMixin, forms.Form):
    signed_by = forms.CharField(label=_("Signed by"), max_length=200)
    signature = forms.CharField(widget=forms.HiddenInput)


class DepartForm(BootstrapMixin, forms.Form):
    minutes = forms.IntegerField(
        label=_("Arriving in (minutes)"), min_value=1, max_value=8 * 60, initial=30
    )


class CloseForm(BootstrapMixin, forms.Form):
    result = forms.ChoiceField(choices=VisitResult.choices, label=_("Result"))
    labour_minutes = forms.IntegerField(label=_("Labour (minutes)"), min_value=0)


class ReferForm(BootstrapMixin, forms.Form):
    description = forms.CharField(
        label=_("What is wrong with the product"), widget=forms.Textarea(attrs={"rows": 2})
    )


class SupportForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(choices=SupportKind.choices, label=_("Kind"))
    channel = forms.ChoiceField(choices=Channel.choices, label=_("Channel"), initial=Channel.PHONE)
    outcome = forms.ChoiceField(choices=SupportOutcome.choices, label=_("Outcome"))
    minutes = forms.IntegerField(label=_("Minutes"), min_value=0, initial=0)
    attendees = forms.IntegerField(label=_("People trained"), min_value=0, initial=0)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    article = forms.ModelChoiceField(queryset=None, label=_("Article followed"), required=False)

    def __init__(self, *args, articles, **kwargs):
        """`articles`: the knowledge-base articles for the request, to say which one helped;
        the field is left out when there is none."""
        super().__init__(*args, **kwargs)
        if articles:
            self.fields["article"].queryset = type(articles[0]).objects.filter(
                pk__in=[article.pk for article in articles]
            )
        else:
            del self.fields["article"]


class RescheduleForm(BootstrapMixin, forms.Form):
    preferred_date = DateField(label=_("Another day"))
