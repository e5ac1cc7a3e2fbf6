"""The endpoint a mail provider's inbound webhook POSTs raw messages to: /inbox/inbound/.

The body is the raw RFC 822 message (`Content-Type: message/rfc822`), or a multipart form whose
field `email` (a file or a text field) holds it. The provider proves itself with the shared secret
of `AFTERSALES_INBOUND_MAIL_SECRET`, in the header `X-Inbound-Secret` or as the password of HTTP
Basic authentication (https://inbox:SECRET@host/inbox/inbound/). Without a secret configured the
endpoint does not exist (404).
"""

import base64
import binascii
import hmac

from django.conf import settings
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services
from .choices import Source


def _given_secret(request) -> str | None:
    header = request.headers.get("X-Inbound-Secret")
    if header:
        return header
    scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "basic" and value:
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return ""
        return decoded.partition(":")[2]
    return None


def _raw_message(request) -> bytes | None:
    content_type = request.content_type or ""
    if content_type == "message/rfc822":
        return request.body
    if content_type == "multipart/form-data":
        if upload := request.FILES.get("email"):
            return upload.read()
        if text := request.POST.get("email"):
            return text.encode("utf-8", errors="surrogateescape")
    return None


@csrf_exempt  # a mail provider has no CSRF token: the shared secret authenticates it
@require_POST
def inbound(request):
    secret = settings.INBOUND_MAIL_SECRET
    if not secret:
        raise Http404
    given = _given_secret(request)
    if given is None:
        response = JsonResponse({"detail": "Authentication required."}, status=401)
        response["WWW-Authenticate"] = 'Basic realm="inbound mail"'
        return response
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return JsonResponse({"detail": "Wrong secret."}, status=403)
    raw = _raw_message(request)
    if not raw or not raw.strip():
        return JsonResponse(
            {"detail": "Send the raw message as message/rfc822, or in the form field 'email'."},
            status=415 if raw is None else 400,
        )
    message, created = services.message_receive(raw=raw, source=Source.WEBHOOK)
    return JsonResponse(
        {"id": message.pk, "created": created, "status": message.status},
        status=201 if created else 200,
    )
