"""The one NinjaAPI: /api/v1/. Session (with CSRF) or personal token auth; JSON errors."""

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from aftersales.core.services import api_token_user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token."""

    def authenticate(self, request, token):
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Aftersales API",
    version="1",
    description="After-sales service management. Every list is limited to what the caller may see.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"detail": "Authentication required."}, status=401)


from aftersales.catalog.api import router as catalog_router  # noqa: E402
from aftersales.customers.api import router as customers_router  # noqa: E402
from aftersales.units.api import router as units_router  # noqa: E402

api.add_router("/catalog/", catalog_router)
api.add_router("/customers/", customers_router)
api.add_router("/units/", units_router)
