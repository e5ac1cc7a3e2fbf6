"""The survey form, built from the template's questions; and the follow-up's call record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import BootstrapMixin

from .choices import CLOSED_FOLLOW_UPS, SCALES, FollowUpStatus, QuestionKind

# the words at both ends of each scale
ENDS = {
    QuestionKind.CSAT: (_("Very dissatisfied"), _("Very satisfied")),
    QuestionKind.NPS: (_("Not at all likely"), _("Extremely likely")),
    QuestionKind.CES: (_("Very difficult"), _("Very easy")),
}


def survey_fields(questions, data=None) -> list[dict]:
    """What the survey page shows: each question with its choices, the value typed, and its
    condition (for the page's script; the service checks conditions again)."""
    rows = []
    for question in questions:
        value = (data or {}).get(question.field_name, "")
        row = {"question": question, "name": question.field_name, "value": value}
        if question.kind != QuestionKind.TEXT:
            low, high = SCALES[question.kind]
            row["choices"] = [str(n) for n in range(low, high + 1)]
            row["ends"] = ENDS[question.kind]
        if question.show_if_id:
            row["show_if"] = f"q{question.show_if_id}"
        rows.append(row)
    return rows


class FollowUpCloseForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("How did the call go?"),
        choices=[
            (value, label) for value, label in FollowUpStatus.choices if value in CLOSED_FOLLOW_UPS
        ],
    )
    outcome = forms.CharField(
        label=_("What the customer said"), widget=forms.Textarea(attrs={"rows": 3})
    )
