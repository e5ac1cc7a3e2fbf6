"""The user's own settings: language (remembered), time zone, money display, API tokens."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.access import customer_page

from .. import services
from ..choices import Language
from ..forms import BootstrapMixin
from ..models import ApiToken, User


class PreferencesForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "language", "time_zone", "money_in_toman"]


class TokenForm(BootstrapMixin, forms.Form):
    name = forms.CharField(max_length=100, label=_("Token name"))


@customer_page
@require_POST
def language(request):
    """Switch language; for a signed-in user it is remembered on their account."""
    code = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if code in Language.values:
        if request.user.is_authenticated:
            services.user_set_language(user=request.user, language=code)
        translation.activate(code)

        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
        )
    return response


@customer_page
@login_required
def account(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_preferences(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your settings were saved."))
        return redirect("account")
    return _account_page(request, form)


def _account_page(request, form, new_key: str | None = None):
    context = {
        "form": form,
        "token_form": TokenForm(),
        "tokens": request.user.api_tokens.all(),
        "new_key": new_key,
        "title": _("My account"),
    }
    return TemplateResponse(request, "core/account.html", context)


@customer_page
@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a name."))
        return redirect("account")
    _token, key = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
    messages.success(request, _("Token created. Copy it now: it will not be shown again."))
    # shown once, in this answer only: the key is never stored, not even in the session
    return _account_page(request, PreferencesForm(instance=request.user), new_key=key)


@customer_page
@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken.objects.active(), pk=pk, user=request.user)
    services.api_token_revoke(token=token)
    messages.success(request, _("Token revoked."))
    return redirect("account")
