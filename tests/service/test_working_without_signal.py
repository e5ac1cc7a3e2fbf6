"""The technician's app without signal: the manifest, the service worker served from the root,
and the technician's pages marked as ones the worker may keep (docs/service.md)."""

import json

import pytest

from aftersales.core.choices import Role
from aftersales.service import offline

from .factories import open_request, scheduled_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(operator, owner, owned_unit, technician):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    return scheduled_visit(request=request, technician=technician, by=operator)


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    settings = json.loads(body.split("\n", 1)[0].removeprefix("const CONFIG = ").rstrip(";"))
    assert settings["today"] == "/service/visits/today/"
    assert settings["visitPrefix"] == "/service/visits/"
    assert settings["pagesCache"] == offline.PAGES_CACHE
    assert settings["staticCache"] == offline.STATIC_CACHE_PREFIX + offline.version()
    assert "/static/service/offline.js" in settings["staticFiles"]
    assert set(settings["forgetOn"]) == {"/accounts/login/", "/accounts/logout/"}
    assert 'self.addEventListener("fetch"' in body


def test_the_worker_has_no_users_data_and_the_same_code_for_everyone(client, login, technician):
    assert login(technician.user).get("/sw.js").content == client.get("/sw.js").content


def test_the_worker_refuses_anything_but_get(client):
    assert client.post("/sw.js").status_code == 405


def test_every_static_file_the_worker_keeps_exists():
    # a file renamed or removed would silently miss from the phones
    for path in offline.STATIC_FILES:
        assert offline._source(path)


def test_the_manifest_starts_at_todays_visits_in_the_readers_language(login, technician):
    technician.user.language = "fa"
    technician.user.save(update_fields=["language"])
    response = login(technician.user).get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["start_url"] == "/service/visits/today/"
    assert data["display"] == "standalone"
    assert data["lang"] == "fa" and data["dir"] == "rtl"
    assert data["theme_color"] == offline.THEME_COLOUR
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
    assert data["name"] != "Aftersales"  # translated


def test_the_manifest_in_english_reads_left_to_right(client):
    data = json.loads(client.get("/manifest.webmanifest").content)
    assert data["lang"] == "en" and data["dir"] == "ltr" and data["name"] == "Aftersales"


def test_the_technicians_pages_link_the_manifest_and_the_worker(login, technician, visit):
    client = login(technician.user)
    for url in ("/service/visits/today/", visit.get_absolute_url()):
        response = client.get(url)
        page = response.content.decode()
        assert 'rel="manifest" href="/manifest.webmanifest"' in page
        assert 'data-worker="/sw.js"' in page
        assert f'data-pages-cache="{offline.PAGES_CACHE}"' in page
        assert 'role="status" data-offline-copy="live"' in page
        assert "You are offline. This is the copy saved at" in page
        assert response[offline.KEEP_HEADER] == "keep"
        assert "private" in response["Cache-Control"]
        assert "no-store" not in response["Cache-Control"]


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.DISPATCHER])
def test_other_roles_get_neither_the_worker_nor_a_page_to_keep(make_user, login, role, visit):
    response = login(make_user(role, username="someone")).get(visit.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "manifest" not in page and "/sw.js" not in page and "offline-status" not in page
    assert offline.KEEP_HEADER not in response


def test_a_customer_gets_no_worker(login, owner):
    page = login(owner.user).get("/my/").content.decode()
    assert "/sw.js" not in page and "manifest" not in page
