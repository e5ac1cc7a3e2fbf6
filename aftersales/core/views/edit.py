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


def submit(request, form, *, save: Callable[[dict], object], done, then=None):
    """Validate `form` and call `save(data)` (a service). On success: the message `done` and a
    redirect to `then` (or to what `save` returned). On failure: None, with the service's
    ValidationError on the form, and nothing saved."""
    if not form.is_valid():
        return None
    try:
        obj = save(dict(form.cleaned_data))
    except ValidationError as error:
        errors_to_form(form, error)
        return None
    messages.success(request, done)
    return redirect(then if then is not None else obj)


def act(request, target, call: Callable[[], object], *, done, then=None):
    """A POST button: call `call()` (a service). On a ValidationError: each of its messages with
    `messages.error` and a redirect back to `target` (a record or a URL). On success: the message
    `done` and a redirect to `then`, else to what `call` returned, else to `target`."""
    try:
        result = call()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect(target)
    messages.success(request, done)
    if then is not None:
        return redirect(then)
    return redirect(result if result is not None else target)


def form_page(
    request,
    form,
    *,
    save: Callable[[dict], object],
    title,
    done,
    cancel_url=None,
    template="core/form.html",
    then=None,
    **extra,
):
    """A page with one form: on POST, `submit` it; otherwise (or on errors) show it."""
    if request.method == "POST" and (
        response := submit(request, form, save=save, done=done, then=then)
    ):
        return response
    return render_form(
        request, form, title=title, cancel_url=cancel_url, template=template, **extra
    )


def require(request, model, action: str) -> None:
    """404 unless the user's role may `action` records of `model` at all."""
    if not model.policy.allows(request.user, action):
        raise Http404
