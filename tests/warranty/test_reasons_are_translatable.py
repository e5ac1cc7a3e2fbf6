"""The sentences a warranty decision gives (shown to customers in their language) reach the
translation catalogues: `make messages` must be able to find every one of them."""

import shutil
import subprocess
from pathlib import Path

import pytest

import aftersales.warranty.coverage as coverage

# the Python keywords Django's makemessages gives xgettext
KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs gettext's xgettext")
def test_every_reason_is_extracted():
    source = Path(coverage.__file__)
    found = subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", *KEYWORDS, "--output=-", source],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for sentence in (
        "Out of warranty: the customer pays; parts and repairs remain available ",
        "Covered %(pct)s%% by the legal minimum of %(country)s until %(date)s.",
        "No warranty policy applies to this model.",
        "Not covered: the customer pays.",
    ):
        assert f'"{sentence}' in found, sentence
