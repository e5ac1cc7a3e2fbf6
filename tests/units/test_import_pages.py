"""The import pages: operators upload and follow an import; others are kept out."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aftersales.core.choices import Role
from aftersales.units.choices import ImportStatus
from aftersales.units.models import ImportBatch, Unit
from tests.factories import ProductModelFactory

pytestmark = pytest.mark.django_db

CSV = b"model_code,serial,sale_date\nAC-18,S1,2025-01-01\nAC-18,S2,not a date\nZZ,S3,\n"


@pytest.fixture(autouse=True)
def catalogue(db):
    ProductModelFactory(code="AC-18")


def upload(client, name="erp.csv", content=CSV):
    return client.post(reverse("units:import_upload"), {"file": SimpleUploadedFile(name, content)})


def test_an_operator_uploads_a_file_and_sees_the_batch_with_its_errors(
    operator, login, django_capture_on_commit_callbacks
):
    client = login(operator)
    assert client.get(reverse("units:import_upload")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == batch.get_absolute_url()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE
    assert batch.uploaded_by == operator
    assert batch.file_name == "erp.csv"
    assert len(batch.sha256) == 64
    assert Unit.objects.filter(serial="S1").exists()

    page = client.get(batch.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="import-errors"' in html
    assert "sale_date" in html and "model_code" in html
    assert "every 2s" not in html  # finished: no more polling

    listing = client.get(reverse("units:imports"))
    assert "erp.csv" in listing.content.decode()


def test_a_queued_import_polls_its_status_part(operator, login):
    batch = ImportBatch.objects.create(file_name="q.csv", sha256="x", uploaded_by=operator)
    client = login(operator)
    html = client.get(batch.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 2s"' in html
    part = client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    assert part.content.decode().lstrip().startswith('<div id="import-status"')


def test_a_manager_downloads_the_template(manager, login):
    response = login(manager).get(reverse("units:import_template"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, example = text.splitlines()[:2]
    assert header.startswith("model_code,serial,")
    assert example.startswith("AC-18,")


@pytest.mark.parametrize("name", ["notes.txt", "scan.pdf"])
def test_other_file_types_are_refused_and_nothing_is_stored(operator, login, name, settings):
    response = upload(login(operator), name=name, content=b"%PDF-1.4 whatever")
    assert response.status_code == 400
    assert "Upload a CSV or Excel (.xlsx) file" in response.content.decode()
    assert not ImportBatch.objects.exists()
    assert not (settings.MEDIA_ROOT / "imports").exists()


def test_a_binary_file_named_csv_is_refused(operator, login):
    response = upload(login(operator), content=b"\x00\x01\x02binary")
    assert response.status_code == 400
    assert not ImportBatch.objects.exists()


def test_customers_and_agent_staff_cannot_see_or_upload_imports(owner, agent_user, operator, login):
    batch = ImportBatch.objects.create(file_name="q.csv", sha256="x", uploaded_by=operator)
    for user in (owner.user, agent_user):
        client = login(user)
        for url in (
            reverse("units:imports"),
            reverse("units:import_upload"),
            reverse("units:import_template"),
            batch.get_absolute_url(),
        ):
            assert client.get(url).status_code == 404, (user.role, url)
        assert upload(client).status_code == 404
    assert ImportBatch.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("units:imports"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_other_staff_roles_get_404(make_user, login):
    client = login(make_user(Role.TECHNICIAN, username="tech"))
    assert client.get(reverse("units:imports")).status_code == 404


def test_the_batch_page_speaks_persian(make_user, login):
    user = make_user(Role.OPERATOR, username="farsi", language="fa")
    batch = ImportBatch.objects.create(
        file_name="erp.csv",
        sha256="x",
        uploaded_by=user,
        status=ImportStatus.DONE,
        rows_total=12,
        rows_created=10,
        rows_failed=2,
        errors=[{"row": 3, "column": "serial", "message": "..."}],
    )
    html = login(user).get(batch.get_absolute_url()).content.decode()
    assert 'dir="rtl"' in html
    assert "۱۲" in html and "۱۰" in html
    assert 'id="import-errors"' in html
