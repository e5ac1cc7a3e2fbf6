"""Printable documents: a template rendered in the reader's language and set as a PDF.

Persian documents are right to left and set in Vazirmatn; every document template extends
`core/document.html`, which carries the fonts, the direction and the page size.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


def render_pdf(template: str, context: dict, *, language: str) -> bytes:
    """`template` rendered with `context` in `language` (fa, it or en), as PDF bytes."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            template,
            {
                **context,
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
                "font_dir": (settings.BASE_DIR / "static" / "vendor" / "vazirmatn").as_uri(),
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def pdf_response(pdf: bytes, name: str) -> HttpResponse:
    """`pdf` shown in the browser, saved as `name`.pdf if the reader downloads it."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response
