"""Settings for Aftersales. Everything secret or machine-specific comes from the environment.

Environment variables:
  AFTERSALES_SECRET_KEY  the secret key (a local one is generated into var/ when unset)
  AFTERSALES_DEBUG       "1" for debug pages
  AFTERSALES_HOSTS       comma-separated host names (default: 127.0.0.1,localhost)
  DATABASE_URL           e.g. postgres://user@127.0.0.1:5432/aftersales (default: SQLite in var/)
  AFTERSALES_TASKS       "db" (default; `manage.py db_worker`) or "immediate"
  AFTERSALES_EMAIL_HOST, AFTERSALES_EMAIL_PORT, AFTERSALES_EMAIL_FROM: SMTP for outgoing mail
  AFTERSALES_INBOUND_MAIL_SECRET  the shared secret of /inbox/inbound/ (unset: the endpoint is 404)
  AFTERSALES_IMAP_HOST, _PORT, _USER, _PASSWORD, _FOLDER, _SSL: the mailbox of fetch_mail --imap
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("AFTERSALES_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("AFTERSALES_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("AFTERSALES_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("AFTERSALES_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("AFTERSALES_TRUSTED_ORIGINS", "").split(",") if origin
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_filters",
    "auditlog",
    "django_tasks_db",
    "ninja",
    "aftersales.core",
    "aftersales.catalog",
    "aftersales.agents",
    "aftersales.customers",
    "aftersales.workforce",
    "aftersales.units",
    "aftersales.warranty",
    "aftersales.parts",
    "aftersales.service",
    "aftersales.billing",
    "aftersales.settlements",
    "aftersales.complaints",
    "aftersales.surveys",
    "aftersales.club",
    "aftersales.insights",
    "aftersales.quality",
    "aftersales.knowledge",
    "aftersales.workshop",
    "aftersales.dispatch",
    "aftersales.inbox",
    "aftersales.portal",
    "aftersales.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "aftersales.core.middleware.UserPreferencesMiddleware",
    "aftersales.core.middleware.CustomerPagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "aftersales.urls"
WSGI_APPLICATION = "aftersales.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "aftersales" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aftersales.core.context_processors.navigation",
            ],
            "builtins": ["aftersales.core.templatetags.aftersales"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'aftersales.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif os.environ.get("AFTERSALES_DB_PREPARE", "1") == "1":
    # PostgreSQL: bind parameters on the server, and prepare a statement the third time a
    # connection runs it, so the hot paths skip parsing and planning (half of the database's
    # work when opening a request). Set AFTERSALES_DB_PREPARE=0 behind a transaction-pooling
    # PgBouncer older than 1.21, which cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=2
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("fa", _("Persian")), ("it", _("Italian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "aftersales_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = os.environ.get("AFTERSALES_TIME_ZONE", "Asia/Tehran")
USE_I18N = True
FORMAT_MODULE_PATH = ["aftersales.formats"]  # Persian amounts with thousands grouped
USE_TZ = True
# Business regions of the first markets: phone numbers without a country code are read as these.
PHONE_REGIONS = ["IR", "IT"]
# The currency money from every country is added up in (insights: exchange rates to it).
AFTERSALES_REPORTING_CURRENCY = os.environ.get("AFTERSALES_REPORTING_CURRENCY", "EUR")
# Customers choosing the time of a visit (docs/service.md, "Customers choose the time"): the
# windows of a day, in the business calendar's time zone; how many business days ahead; until how
# long before its window a booking may be moved; the earliest window from now; the travel allowed
# for each visit.
BOOKING_WINDOWS = [
    window
    for window in os.environ.get(
        "AFTERSALES_BOOKING_WINDOWS", "08:00-12:00,12:00-16:00,16:00-20:00"
    ).split(",")
    if window.strip()
]
BOOKING_DAYS = int(os.environ.get("AFTERSALES_BOOKING_DAYS", "10"))
BOOKING_CUTOFF_HOURS = float(os.environ.get("AFTERSALES_BOOKING_CUTOFF_HOURS", "24"))
BOOKING_LEAD_HOURS = float(os.environ.get("AFTERSALES_BOOKING_LEAD_HOURS", "2"))
BOOKING_TRAVEL_MINUTES = int(os.environ.get("AFTERSALES_BOOKING_TRAVEL_MINUTES", "30"))

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("AFTERSALES_TASKS") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

if os.environ.get("AFTERSALES_EMAIL_HOST"):
    _mailer = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ["AFTERSALES_EMAIL_HOST"],
            "port": int(os.environ.get("AFTERSALES_EMAIL_PORT", "25")),
        },
    }
else:
    _mailer = {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
    }
MAILERS = {"default": _mailer}
DEFAULT_FROM_EMAIL = os.environ.get("AFTERSALES_EMAIL_FROM", "aftersales@localhost")
INBOUND_MAIL_SECRET = os.environ.get("AFTERSALES_INBOUND_MAIL_SECRET", "")
# the IMAP mailbox `manage.py fetch_mail --imap` reads (docs/inbox.md); no host, no IMAP
INBOX_IMAP = {
    "host": os.environ.get("AFTERSALES_IMAP_HOST", ""),
    "port": int(os.environ.get("AFTERSALES_IMAP_PORT") or 0),  # 0: 993 with TLS, 143 without
    "user": os.environ.get("AFTERSALES_IMAP_USER", ""),
    "password": os.environ.get("AFTERSALES_IMAP_PASSWORD", ""),
    "folder": os.environ.get("AFTERSALES_IMAP_FOLDER", "INBOX"),
    "ssl": os.environ.get("AFTERSALES_IMAP_SSL", "1"),  # 1 (TLS), starttls, 0 (plain)
}
# the site's address as customers reach it, for links in e-mails, SMS and calendars
PUBLIC_URL = (
    os.environ.get("AFTERSALES_PUBLIC_URL")
    or os.environ.get("PUBLIC_BASE_URL")  # its name until December 2026
    or "http://127.0.0.1:8000"
)

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads it to send X-CSRFToken
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if os.environ.get("AFTERSALES_HTTPS") == "1":
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("AFTERSALES_LOG_LEVEL", "INFO")},
    # a line per queued, started and finished task is noise (and costs time on every request)
    "loggers": {"django.tasks": {"level": "WARNING"}, "django_tasks_db": {"level": "WARNING"}},
}
