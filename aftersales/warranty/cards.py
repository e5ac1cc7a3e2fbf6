"""The warranty card: its code (printed, and asked on the public verification page) and PDF."""

import base64
import hashlib
import hmac
import io

from django.conf import settings
from django.utils import timezone, translation

from aftersales.core.documents import render_pdf
from aftersales.core.text import normalize_serial

from .coverage import coverage_for


def card_code(unit) -> str:
    """Ten characters that prove the holder has the card: an HMAC of the unit, not stored."""
    message = f"warranty-card:{unit.pk}:{unit.serial}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return base64.b32encode(digest)[:10].decode()


def code_matches(unit, code: str) -> bool:
    return hmac.compare_digest(card_code(unit), normalize_serial(code))


def qr_svg(url: str) -> str:
    """The QR code of `url` as inline SVG."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def card_pdf(*, unit, language: str, verify_url: str) -> bytes:
    """The printable card in `language` (fa, it or en), Persian set in Vazirmatn."""
    with translation.override(language):
        decision = coverage_for(unit=unit, on=timezone.now())
    context = {
        "unit": unit,
        "decision": decision,
        "code": card_code(unit),
        "qr": qr_svg(verify_url),
        "verify_url": verify_url,
    }
    return render_pdf("warranty/card.html", context, language=language)
