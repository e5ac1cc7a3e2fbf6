"""Reading a PDF the app made back as text, with poppler's pdftotext (poppler-utils)."""

import subprocess


def pdf_text(pdf: bytes, tmp_path, *, layout: bool = True) -> str:
    """The text of `pdf`, laid out as on the page unless `layout=False`."""
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    command = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout
