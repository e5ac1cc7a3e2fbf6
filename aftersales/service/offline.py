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
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from aftersales.core.choices import Role

# the header by which a page tells the service worker it may keep a copy for the technician
KEEP_HEADER = "X-Aftersales-Offline"
# the cache of pages: not versioned, so that a deploy does not throw away a technician's copies
PAGES_CACHE = "aftersales-pages"
STATIC_CACHE_PREFIX = "aftersales-static-"
WORKER = "service/sw.js"
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
