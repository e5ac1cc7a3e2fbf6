"""Create/edit pages: validate a form, hand its data to a service, show the service's errors."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
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
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def form_page(
    request,
    form,
    *,
    save: Callable[[dict], object],
    title,
    done,
    cancel_url=None,
    template="core/form.html",
    **extra,
):
    """Validate `form`, call `save(data)` (a service), and go to the saved record.

    A ValidationError from the service lands on the form, and nothing is saved.
    """
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(dict(form.cleaned_data))
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, done)
            return redirect(obj)
    return render_form(
        request, form, title=title, cancel_url=cancel_url, template=template, **extra
    )


def require(request, model, action: str) -> None:
    """404 unless the user's role may `action` records of `model` at all."""
    if not model.policy.allows(request.user, action):
        raise Http404
