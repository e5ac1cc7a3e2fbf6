"""Quality forms: parse and check input; the writes are in `services.py`."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.models import Category, FailureCode, Part, ProductModel
from aftersales.core.choices import Role
from aftersales.core.forms import BootstrapMixin, DateField
from aftersales.core.models import User
from aftersales.service.models import DefectReport

from . import kpis
from .choices import CapaKind, CapaSource, FailureSource, NeedAudience, NeedKind, NeedStatus
from .models import CorrectiveAction, EarlyWarning

MONTH_CHOICES = [(n, n) for n in (12, 18, 24, 36, 48, 60)]


class AnalyticsForm(BootstrapMixin, forms.Form):
    """The scope of an analysis: model or category, period, source of the failures."""

    product_model = forms.ModelChoiceField(
        label=_("Model"), queryset=ProductModel.objects.none(), required=False
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False
    )
    start = DateField(label=_("Failures from"), required=False)
    end = DateField(label=_("to"), required=False)
    source = forms.ChoiceField(label=_("Source"), choices=FailureSource.choices, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["category"].queryset = Category.objects.restrict(user, "view")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError({"end": _("The period cannot end before it starts.")})
        return data

    def scope(self) -> dict:
        """The valid filters (an invalid form analyses everything, and shows its errors)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {
            "product_model": data.get("product_model"),
            "category": data.get("category"),
            "start": data.get("start"),
            "end": data.get("end"),
            "source": data.get("source") or FailureSource.BOTH,
        }


class MatrixForm(BootstrapMixin, forms.Form):
    product_model = forms.ModelChoiceField(
        label=_("Model"), queryset=ProductModel.objects.none(), required=False
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False
    )
    since = DateField(label=_("Produced from"), required=False)
    months = forms.TypedChoiceField(
        label=_("Months in service"), choices=MONTH_CHOICES, coerce=int, required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["category"].queryset = Category.objects.restrict(user, "view")

    def scope(self) -> dict:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {
            "product_model": data.get("product_model"),
            "category": data.get("category"),
            "since": data.get("since"),
            "months": data.get("months") or 24,
        }


class ReliabilityForm(BootstrapMixin, forms.Form):
    product_model = forms.ModelChoiceField(label=_("Model"), queryset=ProductModel.objects.none())
    failure_code = forms.ModelChoiceField(
        label=_("Failure code"), queryset=FailureCode.objects.none(), required=False
    )
    part = forms.ModelChoiceField(label=_("Part"), queryset=Part.objects.none(), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["failure_code"].queryset = FailureCode.objects.restrict(user, "view")
        self.fields["part"].queryset = Part.objects.restrict(user, "view")


class DismissForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Why is it a false alarm?"), widget=forms.Textarea(attrs={"rows": 3})
    )


def _owners():
    return User.objects.filter(
        is_active=True, role__in=[Role.QUALITY, Role.MANAGER, Role.ADMIN]
    ).order_by("username")


class CapaOpenForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=CapaKind.choices)
    source = forms.ChoiceField(label=_("Source"), choices=CapaSource.choices)
    defect_report = forms.ModelChoiceField(
        label=_("Defect report"), queryset=DefectReport.objects.none(), required=False
    )
    warning = forms.ModelChoiceField(
        label=_("Early warning"), queryset=EarlyWarning.objects.none(), required=False
    )
    complaint_code = forms.CharField(
        label=_("Complaint code"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )
    product_model = forms.ModelChoiceField(
        label=_("Model"), queryset=ProductModel.objects.none(), required=False
    )
    failure_code = forms.ModelChoiceField(
        label=_("Failure code"), queryset=FailureCode.objects.none(), required=False
    )
    part = forms.ModelChoiceField(label=_("Part"), queryset=Part.objects.none(), required=False)
    problem = forms.CharField(label=_("Problem"), widget=forms.Textarea(attrs={"rows": 4}))
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none(), required=False)
    due_date = DateField(label=_("Due date"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defect_report"].queryset = DefectReport.objects.restrict(user, "view")
        self.fields["warning"].queryset = EarlyWarning.objects.restrict(user, "view")
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["failure_code"].queryset = FailureCode.objects.restrict(user, "view")
        self.fields["part"].queryset = Part.objects.restrict(user, "view")
        self.fields["owner"].queryset = _owners()


class CapaPlanForm(BootstrapMixin, forms.ModelForm):
    due_date = DateField(label=_("Due date"), required=False)
    effective_date = DateField(
        label=_("Effective from"),
        required=False,
        help_text=_("The first production day made with the change."),
    )

    class Meta:
        model = CorrectiveAction
        fields = [
            "title",
            "kind",
            "product_model",
            "failure_code",
            "part",
            "root_cause_category",
            "root_cause",
            "production_action",
            "rnd_action",
            "owner",
            "due_date",
            "effective_date",
            "window_months",
        ]
        widgets = {
            "root_cause": forms.Textarea(attrs={"rows": 3}),
            "production_action": forms.Textarea(attrs={"rows": 3}),
            "rnd_action": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["failure_code"].queryset = FailureCode.objects.restrict(user, "view")
        self.fields["part"].queryset = Part.objects.restrict(user, "view")
        self.fields["owner"].queryset = _owners()

    def clean_window_months(self):
        value = self.cleaned_data["window_months"]
        _window(value)
        return value


def _window(value):
    if value is not None and not 1 <= value <= 120:
        raise ValidationError(_("Compare between 1 and 120 months in service."))


class CapaCheckForm(BootstrapMixin, forms.Form):
    """The check of an action on no product: did the problem come back, and what was checked."""

    effective = forms.TypedChoiceField(
        label=_("Has the problem come back?"),
        choices=[("", "—"), ("1", _("No: the action worked")), ("0", _("Yes: it is still there"))],
        coerce=lambda value: value == "1",
    )
    evidence = forms.CharField(
        label=_("What was checked"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the complaints of the last three months, an audit of ten visits."),
    )


class NeedForm(BootstrapMixin, forms.Form):
    summary = forms.CharField(label=_("In one line"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=NeedKind.choices)
    audience = forms.ChoiceField(label=_("For"), choices=NeedAudience.choices)
    product_model = forms.ModelChoiceField(
        label=_("Model"), queryset=ProductModel.objects.none(), required=False
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False
    )
    details = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["category"].queryset = Category.objects.restrict(user, "view")


class NeedReviewForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=NeedStatus.choices)
    response = forms.CharField(
        label=_("Answer"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ProcessVersionForm(BootstrapMixin, forms.Form):
    requirements = forms.CharField(
        label=_("Requirements"), widget=forms.Textarea(attrs={"rows": 4})
    )
    detection = forms.CharField(
        label=_("How the need is detected"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    procedure = forms.CharField(
        label=_("Procedure (one step a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("These steps become the check-list technicians tick on site."),
    )
    procedure_fa = forms.CharField(
        label=_("Procedure in Persian (one step a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "rtl", "lang": "fa"}),
        strip=False,  # an empty first line stands for the first step
        help_text=_("The same steps, line by line; an empty line leaves that step as written."),
    )
    procedure_it = forms.CharField(
        label=_("Procedure in Italian (one step a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "lang": "it"}),
        strip=False,  # an empty first line stands for the first step
        help_text=_("The same steps, line by line; an empty line leaves that step as written."),
    )
    documents = forms.CharField(
        label=_("Documents (one a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    change_note = forms.CharField(label=_("What changed"), max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in kpis.KPIS:
            self.fields[f"target_{key}"] = forms.DecimalField(
                label=_("Target: %(kpi)s") % {"kpi": kpis.kpi_label(key)},
                required=False,
                max_digits=14,
                decimal_places=4,
                help_text=_("Rates as fractions: 0.9 is 90 %.") if key in kpis.RATES else "",
            )
            self.fields[f"target_{key}"].widget.attrs["class"] = "form-control"

    def clean(self):
        data = super().clean()
        targets = {}
        for key in kpis.KPIS:
            value = data.pop(f"target_{key}", None)
            if value is None:
                continue
            if error := kpis.target_error(key, value):
                self.add_error(f"target_{key}", error)
            targets[key] = value
        data["targets"] = targets
        return data


def _last_quarter() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    first_of_quarter = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_quarter - dt.timedelta(days=1)
    return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


class ReviewForm(BootstrapMixin, forms.Form):
    period_start = DateField(label=_("From"))
    period_end = DateField(label=_("To"))
    findings = forms.CharField(
        label=_("Findings (check)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    decisions = forms.CharField(
        label=_("Decisions (act)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start, end = _last_quarter()
        self.fields["period_start"].initial = start
        self.fields["period_end"].initial = end

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data
