"""Standing personas (as Healthchecks does): the owner, another customer, an agent, staff."""

import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test import Client
from django.test.testcases import LiveServerThread

from aftersales.core.choices import Role

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

from .factories import PASSWORD, AgentFactory, CustomerFactory, UnitFactory, UserFactory


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """Requests activate their user's language in the thread; each test starts from English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _service_caches():
    """Service types, SLA targets and calendars are cached per process; each test starts (and
    leaves) them empty, as its database may hold other rows under the same keys."""
    from aftersales.service import caches
    from aftersales.service.business import forget_calendars

    caches.forget()
    forget_calendars()
    yield
    caches.forget()
    forget_calendars()


@pytest.fixture
def token_client(db):
    """A client sending `Authorization: Bearer <key>` of a new token of `user` (no session)."""
    from aftersales.core.services import api_token_create

    def make(user):
        _token, key = api_token_create(user=user, name="test")
        return Client(headers={"authorization": f"Bearer {key}"})

    return make


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def make_user(db):
    def make(role=Role.OPERATOR, **kwargs):
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def login():
    """A test client logged in as `user` (a real session through the login view's backend)."""

    def make(user):
        client = Client()
        assert client.login(username=user.username, password=PASSWORD)
        return client

    return make


@pytest.fixture
def operator(make_user):
    return make_user(Role.OPERATOR, username="operator", first_name="Olga")


@pytest.fixture
def manager(make_user):
    return make_user(Role.MANAGER, username="manager")


@pytest.fixture
def agent(db):
    return AgentFactory(code="AG-N", name="North Service", city="Tabriz")


@pytest.fixture
def other_agent(db):
    return AgentFactory(code="AG-S", name="South Service", city="Shiraz")


@pytest.fixture
def agent_user(make_user, agent):
    return make_user(Role.AGENT, username="agentstaff", agent=agent)


@pytest.fixture
def owner(make_user):
    """A customer with a portal login who owns `owned_unit`."""
    user = make_user(Role.CUSTOMER, username="owner")
    customer = CustomerFactory(first_name="Sara", last_name="Karimi", user=user)
    return customer


@pytest.fixture
def stranger(make_user):
    """Another customer with a portal login and a unit of their own."""
    user = make_user(Role.CUSTOMER, username="stranger")
    return CustomerFactory(first_name="Marco", last_name="Rossi", user=user)


@pytest.fixture
def owned_unit(owner, agent):
    return UnitFactory(owner=owner, service_agent=agent, serial="AC18-000123")


@pytest.fixture
def strangers_unit(stranger, other_agent):
    return UnitFactory(owner=stranger, service_agent=other_agent, serial="WM7-555000")


@pytest.fixture
def service_data(db):
    """The service types (with their check-lists' translations), SLA targets and holidays that
    data migrations ship. A transactional test (a browser test) empties the database after
    itself, so the next one loads them again."""
    import importlib

    from django.apps import apps

    importlib.import_module("aftersales.service.migrations.0002_service_data").load(apps, None)
    importlib.import_module("aftersales.service.migrations.0008_checklist_languages").translate(
        apps, None
    )


# --- a real Chromium (Debian's) driven by Playwright against Django's live server ----------
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class _OneRequestAtATime:
    """With SQLite in memory the live server's request threads share the test's one connection,
    which SQLite does not allow at once (Django's docs say so: "bad parameter or other API
    misuse"). A browser sends requests in parallel (a page and its service worker's prefetch),
    so the live server runs the application for one request at a time. Connections stay
    threaded: an idle keep-alive socket does not block the others."""

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


class _SerialLiveServer(ThreadedWSGIServer):
    def set_app(self, application):
        if self.connections_override:
            application = _OneRequestAtATime(application)
        super().set_app(application)


LiveServerThread.server_class = _SerialLiveServer


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is needed for browser tests: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
