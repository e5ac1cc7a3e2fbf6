"""Helpers shared by create/edit views: a form page, and service errors put back on the form."""

from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse


def render_form(
    request,
    form,
    *,
    title,
    cancel_url=None,
    submit_label=None,
    intro=None,
    template="core/form.html",
):
    context = {
        "form": form,
        "title": title,
        "cancel_url": cancel_url,
        "submit_label": submit_label,
        "intro": intro,
    }
    return TemplateResponse(request, template, context, status=400 if form.is_bound else 200)


def errors_to_form(form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form's fields (or to the form as a whole)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
