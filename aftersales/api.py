"""The one NinjaAPI: /api/v1/. Session (with CSRF) or personal token auth; JSON errors.

Every error answers `{"detail": "<one sentence>", "errors": {"<field>": ["<message>", ...]}}`:
401 without (or with a bad) token or session, 403 for a role that may not do the action (or a
session POST without its CSRF token), 404 for a record that is missing or out of the caller's
scope (the same body for both), 409 for a conflict, 422 for invalid input.
"""

import contextlib
import zoneinfo

from auditlog.context import auditlog_value
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import re_path
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from aftersales.core.services import api_token_user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token.

    A request that presents a bearer token is judged by that token alone: a revoked or unknown
    token answers 401, it never falls back to the session.
    """

    def authenticate(self, request, token):
        user = api_token_user(token)
        if user is None:
            raise AuthenticationError()
        _act_as(request, user)
        return user


class SessionAuth(APIKeyCookie):
    """The browser's Django session; unsafe methods need the CSRF token (`X-CSRFToken`)."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None  # no session: 401, not a CSRF complaint
        exempt = getattr(request, "_ninja_csrf_exempt", False)
        if self.csrf and not exempt and check_csrf(request) is not None:
            raise HttpError(403, _("CSRF check failed: send the X-CSRFToken header."))
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        return request.user if request.user.is_authenticated else None


def _act_as(request, user) -> None:
    """What the middleware does for a session user, done for a token's user."""
    request.user = user
    with contextlib.suppress(LookupError):
        auditlog_value.get()["actor"] = user  # audit entries name the token's owner
    if user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language
    if user.time_zone:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError):
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))


class AftersalesAPI(NinjaAPI):
    def _get_urls(self):
        """Ninja's URLs, then a JSON 404 for any other path under the API's prefix."""
        return [*super()._get_urls(), re_path(r"^", _unknown_path)]


@csrf_exempt
def _unknown_path(request, *args, **kwargs):
    return error_response(request, 404, _("Not found."))


session_auth = SessionAuth()

api = AftersalesAPI(
    title="Aftersales API",
    version="1",
    description="After-sales service management. Every list is limited to what the caller may see.",
    auth=[TokenAuth(), session_auth],
    urls_namespace="api",
)


def error_response(request, status: int, detail: str, errors: dict | None = None):
    """The one shape of every error body."""
    return api.create_response(request, {"detail": detail, "errors": errors or {}}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(request, 404, _("Not found."))


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return error_response(request, 403, _("You may not do this."))


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return error_response(request, 422, _("Invalid input."), errors)


@api.exception_handler(SchemaValidationError)
def invalid_schema(request, exc: SchemaValidationError):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        errors.setdefault(_field_name(error.get("loc", ())), []).append(str(error.get("msg", "")))
    return error_response(request, 422, _("Invalid input."), errors)


def _field_name(loc) -> str:
    """("body", "payload", "phones", 0) -> "phones.0"; ("query", "page") -> "page"."""
    source, *rest = loc or ("",)
    if source == "body":
        rest = rest[1:]  # the name of the view's body argument
    return ".".join(str(part) for part in rest) or "__all__"


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    response = error_response(request, 401, _("Authentication required."))
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return error_response(request, exc.status_code, str(exc))


from aftersales.agents.api import router as agents_router  # noqa: E402
from aftersales.billing.api import router as billing_router  # noqa: E402
from aftersales.catalog.api import router as catalog_router  # noqa: E402
from aftersales.club.api import router as club_router  # noqa: E402
from aftersales.complaints.api import router as complaints_router  # noqa: E402
from aftersales.customers.api import router as customers_router  # noqa: E402
from aftersales.dispatch.api import router as dispatch_router  # noqa: E402
from aftersales.dispatch.booking_api import router as booking_router  # noqa: E402
from aftersales.inbox.api import router as inbox_router  # noqa: E402
from aftersales.insights.api import router as insights_router  # noqa: E402
from aftersales.knowledge.api import router as knowledge_router  # noqa: E402
from aftersales.parts.api import router as parts_router  # noqa: E402
from aftersales.quality.api import router as quality_router  # noqa: E402
from aftersales.service.api import router as service_router  # noqa: E402
from aftersales.settlements.api import router as settlements_router  # noqa: E402
from aftersales.surveys.api import router as surveys_router  # noqa: E402
from aftersales.units.api import router as units_router  # noqa: E402
from aftersales.warranty.api import router as warranty_router  # noqa: E402
from aftersales.workforce.api import router as workforce_router  # noqa: E402
from aftersales.workshop.api import router as workshop_router  # noqa: E402

api.add_router("/catalog/", catalog_router)
api.add_router("/customers/", customers_router)
api.add_router("/units/", units_router)
api.add_router("/warranty/", warranty_router)
api.add_router("/parts/", parts_router)
api.add_router("/service/", service_router)
api.add_router("/workforce/", workforce_router)
api.add_router("/agents/", agents_router)
api.add_router("/billing/", billing_router)
api.add_router("/settlements/", settlements_router)
api.add_router("/complaints/", complaints_router)
api.add_router("/surveys/", surveys_router)
api.add_router("/club/", club_router)
api.add_router("/insights/", insights_router)
api.add_router("/quality/", quality_router)
api.add_router("/knowledge/", knowledge_router)
api.add_router("/dispatch/", dispatch_router)
api.add_router("/booking/", booking_router)
api.add_router("/inbox/", inbox_router)
api.add_router("/workshop/", workshop_router)
