"""The visit page's photo field carries the server's size limit and the server's own words for a
photo over it, in the reader's language, so the phone says it before uploading or keeping the
photo (service/offline.js; docs/service.md, "Working without signal")."""

import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from aftersales.service.forms import PHOTO_MAX_MB

pytestmark = pytest.mark.django_db


def _photo_field(page: str) -> dict:
    tag = re.search(r'<input type="file" name="image"[^>]*>', page).group(0)
    return {
        name: html.unescape(value) for name, value in re.findall(r'(data-[\w-]+)="([^"]*)"', tag)
    }


@pytest.mark.parametrize("language", ["en", "fa", "it"])
def test_the_photo_field_says_the_limit_as_the_server_does(login, checked_in, language):
    client = login(checked_in.technician.user)
    client.cookies["aftersales_language"] = language
    field = _photo_field(client.get(checked_in.get_absolute_url()).text)
    assert field["data-max-bytes"] == str(PHOTO_MAX_MB * 1024 * 1024)

    # a real PNG, padded past the limit after its end
    png = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(png, "PNG")
    padded = png.getvalue() + b"\0" * (PHOTO_MAX_MB * 1024 * 1024)
    too_big = SimpleUploadedFile("big.png", padded, content_type="image/png")
    refused = client.post(f"{checked_in.get_absolute_url()}photo/", {"image": too_big})
    assert refused.status_code == 400
    errors = refused.context["photo_form"].errors["image"]
    assert field["data-too-big"] in errors
