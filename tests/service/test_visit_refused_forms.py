"""A refused step of the visit page comes back as typed, with its error, in the page's
language; the page has no inline styles (the CSP would block them: the signature pad would
scroll the phone's page instead of signing)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aftersales.parts.choices import WarehouseKind
from tests.factories import PartFactory

pytestmark = pytest.mark.django_db


def test_a_part_the_van_lacks_keeps_the_part_and_quantity(login, checked_in, technician):
    from aftersales.parts.models import Warehouse

    Warehouse.objects.create(
        code="VAN-T", name="Van", kind=WarehouseKind.VAN, technician=technician
    )
    part = PartFactory(sku="FAN-9")
    response = login(technician.user).post(
        f"{checked_in.get_absolute_url()}part/", {"part": part.pk, "quantity": 7}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<option value="{part.pk}" selected>' in page
    assert 'name="quantity" value="7"' in page
    assert page.count("in VAN-T") == 2  # the error at the top and on the form
    assert not checked_in.parts.exists()


def test_a_file_that_is_not_an_image_keeps_the_caption_and_speaks_persian(
    login, checked_in, technician
):
    technician.user.language = "fa"
    technician.user.save()
    response = login(technician.user).post(
        f"{checked_in.get_absolute_url()}photo/",
        {
            "image": SimpleUploadedFile("a.jpg", b"not an image", "image/jpeg"),
            "caption": "پلاک دستگاه",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="پلاک دستگاه"' in page
    assert "تصویر معتبر" in page
    assert not checked_in.photos.exists()


def test_the_visit_page_has_no_inline_style(login, checked_in, technician):
    page = login(technician.user).get(checked_in.get_absolute_url()).content.decode()
    assert "data-signature-pad" in page
    assert "style=" not in page.split("<main", 1)[1]
