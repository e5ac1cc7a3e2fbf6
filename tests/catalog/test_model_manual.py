from django.core.files.uploadedfile import SimpleUploadedFile

from aftersales.catalog.models import ProductModel
from tests.factories import CategoryFactory, ProductModelFactory

PDF = b"%PDF-1.4\n% a tiny manual\n"


def test_an_uploaded_manual_is_downloaded_through_the_access_check(manager, operator, login):
    category = CategoryFactory()
    data = {
        "code": "AC-MAN",
        "name": "With manual",
        "category": category.pk,
        "usage_meter": "none",
        "manual": SimpleUploadedFile("manual.pdf", PDF, content_type="application/pdf"),
    }
    assert login(manager).post("/catalog/models/new/", data).status_code == 302
    model = ProductModel.objects.get(code="AC-MAN")
    client = login(operator)
    page = client.get(f"/catalog/models/{model.pk}/").content.decode()
    assert f"/catalog/models/{model.pk}/manual/" in page
    response = client.get(f"/catalog/models/{model.pk}/manual/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]


def test_no_manual_and_no_login_mean_no_download(operator, login, client):
    model = ProductModelFactory()
    assert login(operator).get(f"/catalog/models/{model.pk}/manual/").status_code == 404
    response = client.get(f"/catalog/models/{model.pk}/manual/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_customer_downloads_the_manual_of_a_product(owner, login):
    model = ProductModelFactory(manual=SimpleUploadedFile("m.pdf", PDF))
    response = login(owner.user).get(f"/catalog/models/{model.pk}/manual/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
