"""Every string is translated into Persian and Italian: no empty, fuzzy or stale entry."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["fa", "it"])
def test_the_catalogue_has_no_empty_or_fuzzy_entry(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 200
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], (
        f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    )
    assert fuzzy == [], f"{language}: fuzzy entries {fuzzy[:5]}"
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", ["fa", "it"])
def test_placeholders_survive_translation(language):
    placeholder = re.compile(r"%\(\w+\)s|\{\w*\}|%s|%d")
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(placeholder.findall(entry.msgid)) == sorted(
            placeholder.findall(entry.msgstr)
        ), entry.msgid


def test_a_period_reads_from_to_and_a_transfer_from_into_in_persian():
    """Period filters said "origin" and "destination" in Persian; only a movement of stock
    between places says "from … into"."""
    from django.utils import translation

    with translation.override("fa"):
        assert (translation.gettext("From"), translation.gettext("To")) == ("از", "تا")
        movement = (
            translation.pgettext("movement", "From"),
            translation.pgettext("movement", "To"),
        )
        assert movement == ("از", "به")
