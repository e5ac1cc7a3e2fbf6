"""Per-request rules: the user's language and time zone; the pages a customer may open."""

import zoneinfo

from django.http import Http404
from django.utils import timezone, translation

from .choices import Role


class UserPreferencesMiddleware:
    """Activates the logged-in user's remembered language and time zone on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
            if user.time_zone:
                try:
                    timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
                except zoneinfo.ZoneInfoNotFoundError:
                    timezone.deactivate()
        response = self.get_response(request)
        timezone.deactivate()
        return response


class CustomerPagesMiddleware:
    """A customer opens only our pages marked `@customer_page`; any other answers 404.

    Django's own views (sign-in, password, admin) and the API (scoped per endpoint) are left to
    their own rules.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.role != Role.CUSTOMER or user.is_superuser:
            return None
        if not view_func.__module__.startswith("aftersales."):  # Django's, the API's (ninja)
            return None
        if getattr(getattr(view_func, "view_class", view_func), "customer_page", False):
            return None
        raise Http404
