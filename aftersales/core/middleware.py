"""Per-request rules: the user's language and time zone; the pages a customer may open."""

import zoneinfo

from django.http import Http404
from django.utils import timezone, translation

from .calendars import country_time_zone
from .choices import Role

ZONE_KEY = "_aftersales_zone"


def zone_of(request, user) -> str:
    """The user's own time zone; without one, their country's (an Italian agent's staff or
    customer reads Rome's time, not the site's Tehran), found once per session."""
    if user.time_zone:
        return user.time_zone
    session = getattr(request, "session", None)
    zone = session.get(ZONE_KEY) if session is not None else None
    if zone is None:
        zone = country_time_zone(user.home_country())
        if session is not None:
            session[ZONE_KEY] = zone
    return zone


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
            try:
                timezone.activate(zoneinfo.ZoneInfo(zone_of(request, user)))
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
