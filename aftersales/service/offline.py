"""The technician's pages without signal: the web app manifest, the service worker served from the
site's root, and the mark a page carries when the service worker may keep a copy of it.

The service worker's code is the plain file `service/static/service/sw.js`; `/sw.js` serves it
from the root (a worker controls only the paths under its own) behind a line of settings: the
URLs it may keep and a version, a hash of the static files it keeps, so a deploy that changes
any of them installs a new worker that replaces its copies. See docs/service.md, "Working
without signal".
"""

import functools
import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from aftersales.core.choices import Role
from aftersales.core.idempotency import HEADER, MAX_KEY_LENGTH

# the header by which a page tells the service worker it may keep a copy for the technician
KEEP_HEADER = "X-Aftersales-Offline"
# the cache of pages: not versioned, so that a deploy does not throw away a technician's copies
PAGES_CACHE = "aftersales-pages"
STATIC_CACHE_PREFIX = "aftersales-static-"
WORKER = "service/sw.js"
# the Background Sync tag under which the page asks the worker to send the outbox
SYNC_TAG = "aftersales-outbox"
# what the technician's pages load (base.html, the visit page): kept on install
STATIC_FILES = (
    "vendor/bootstrap/dist/css/bootstrap.min.css",
    "vendor/bootstrap/dist/css/bootstrap.rtl.min.css",
    "vendor/bootstrap-icons/font/bootstrap-icons.min.css",
    "vendor/bootstrap-icons/font/fonts/bootstrap-icons.woff2",
    "vendor/vazirmatn/Vazirmatn-Variable-font-face.css",
    "vendor/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2",
    "css/aftersales.css",
    "vendor/bootstrap/dist/js/bootstrap.bundle.min.js",
    "vendor/htmx.org/dist/htmx.min.js",
    "js/aftersales.js",
    "service/service.css",
    "service/signature.js",
    "service/offline.js",
    "service/outbox.js",
    "service/icons/app.svg",
    "service/icons/app-192.png",
    "service/icons/app-512.png",
)
THEME_COLOUR = "#212529"  # the navbar's
BACKGROUND_COLOUR = "#f8f9fa"  # the pages'


def _source(path: str) -> bytes:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    with open(found, "rb") as file:
        return file.read()


def _version() -> str:
    """A hash of the worker's code and of every static file it keeps."""
    digest = hashlib.sha256()
    for path in (WORKER, *STATIC_FILES):
        digest.update(path.encode())
        digest.update(_source(path))
    return digest.hexdigest()[:16]


_cached_version = functools.cache(_version)


def version() -> str:
    """Read once per process; while developing (DEBUG), on every request."""
    return _version() if settings.DEBUG else _cached_version()


def _static_url(path: str) -> str:
    # not static(path): that percent-encodes "[wght]", and the browser asks for it as written
    return static("") + path


def worker_settings() -> dict:
    return {
        "version": version(),
        "pagesCache": PAGES_CACHE,
        "staticCache": STATIC_CACHE_PREFIX + version(),
        "cachePrefix": "aftersales-",
        "keepHeader": KEEP_HEADER,
        "staticFiles": [_static_url(path) for path in STATIC_FILES],
        "today": reverse("service:today"),
        "visitPrefix": reverse("service:visits"),
        "forgetOn": [reverse("login"), reverse("logout")],
        "outboxScript": _static_url("service/outbox.js"),
        "syncTag": SYNC_TAG,
    }


@require_GET
def service_worker(request):
    """/sw.js: the same for every user (no user's data in it); the browser asks for it again on
    every visit to a page it controls, hence no-cache."""
    code = _source(WORKER).decode()
    body = f"const CONFIG = {json.dumps(worker_settings())};\n{code}"
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    patch_cache_control(response, no_cache=True)
    return response


@require_GET
def manifest(request):
    """The web app manifest, in the reader's language: the technician adds today's visits to
    the phone's home screen."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    data = {
        "name": _("Aftersales"),
        "short_name": _("Aftersales"),
        "description": _("Today's visits"),
        "lang": language,
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "id": reverse("service:today"),
        "start_url": reverse("service:today"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("service/icons/app.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("service/icons/app-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("service/icons/app-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    response = JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
    patch_cache_control(response, private=True, no_cache=True)
    return response


def keep_offline(request, response):
    """Marks a technician's page (today's visits, a visit) as one the service worker may keep
    on the technician's phone, with the time it was made for the offline banner. `private`:
    no shared cache between the phone and the server may keep it."""
    patch_cache_control(response, private=True)
    if request.user.role == Role.TECHNICIAN:
        response[KEEP_HEADER] = "keep"
        if getattr(response, "context_data", None) is not None:
            response.context_data["offline_saved_at"] = timezone.now()
    return response


# --- writes without signal: the outbox of the visit page (offline.js) ---------------------------

# the form field and the header carrying a write's idempotency key (the outbox entry's UUID)
KEY_FIELD = "idempotency_key"
# the form field with the time the technician made the write on the phone (ISO 8601)
AS_OF_FIELD = "as_of"
# the header by which the outbox says it sends a write, and for which user: the answer is JSON
OUTBOX_HEADER = "X-Aftersales-Outbox"
# fields that differ between two sends of the same write, left out of its fingerprint
_UNSTABLE_FIELDS = frozenset({"csrfmiddlewaretoken"})


def idempotency_key(request) -> str:
    """The write's key, from the `Idempotency-Key` header or the form's hidden field; "" when
    none. A key too long is refused (a ValidationError), not cut."""
    key = (request.headers.get(HEADER) or request.POST.get(KEY_FIELD) or "").strip()
    if len(key) > MAX_KEY_LENGTH:
        raise ValidationError(_("The change's identifier is too long."))
    return key


def form_fingerprint(request) -> str:
    """A form post's fingerprint that stays the same when the outbox sends it again: its path
    and fields (not the CSRF token) and a hash of each file, not the raw body (a multipart
    boundary differs on every send)."""
    digest = hashlib.sha256()
    digest.update(request.method.encode() + b"\n" + request.path.encode() + b"\n")
    for name in sorted(request.POST):
        if name in _UNSTABLE_FIELDS:
            continue
        for value in request.POST.getlist(name):
            digest.update(f"{name}={value}\n".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"{name}:{upload.size}:".encode())
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    return digest.hexdigest()


def from_outbox(request) -> bool:
    """Whether the write comes from the phone's outbox (it wants a JSON answer)."""
    return OUTBOX_HEADER in request.headers


def outbox_user_matches(request) -> bool:
    """The outbox sends a user's writes only in that user's session: a write kept for another
    user of the phone is not theirs to send."""
    return request.headers.get(OUTBOX_HEADER, "") == str(request.user.pk)


def reported_at(request):
    """The time the technician pressed the button on the phone (the "as of" field), aware; None
    when not given; a ValidationError when not a time."""
    raw = (request.POST.get(AS_OF_FIELD) or "").strip()
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:
        value = None
    if value is None:
        raise ValidationError({AS_OF_FIELD: _("The time of the change is not a valid time.")})
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value
