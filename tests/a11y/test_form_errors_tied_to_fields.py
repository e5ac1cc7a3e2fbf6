"""A form's errors and help are tied to their field: the ids that the field's aria-describedby
names are on the page, the field says it is invalid, and a group of choices is a fieldset whose
legend names it."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.template.loader import render_to_string

from aftersales.core.forms import BootstrapMixin

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.ids, self.elements, self.legends, self.tags = set(), [], [], []
        self._in_legend = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        self.elements.append((tag, attrs))
        self._in_legend = tag == "legend"

    def handle_data(self, data):
        if self._in_legend and data.strip():
            self.legends.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "legend":
            self._in_legend = False

    def described(self):
        return [(tag, attrs) for tag, attrs in self.elements if attrs.get("aria-describedby")]


class Booking(BootstrapMixin, forms.Form):
    name = forms.CharField(label="Name", help_text="As on the ID card")
    phone = forms.CharField(label="Phone")
    when = forms.ChoiceField(
        label="When", choices=[("am", "Morning"), ("pm", "Afternoon")], widget=forms.RadioSelect
    )


def test_every_aria_describedby_names_ids_on_the_page():
    form = Booking(data={})
    assert not form.is_valid()
    page = Page(render_to_string("core/_form_fields.html", {"form": form}))
    described = page.described()
    assert {attrs.get("name") for _, attrs in described if attrs.get("name")} >= {"name", "phone"}
    for _, attrs in described:
        for name in attrs["aria-describedby"].split():
            assert name in page.ids, f"{attrs.get('name') or attrs.get('id')}: no #{name}"
    phone = next(attrs for _, attrs in page.elements if attrs.get("name") == "phone")
    assert phone["aria-invalid"] == "true"
    assert "required" in phone  # said by the field itself: the red star is hidden from readers
    assert "id_phone_error" in page.ids and "id_name_helptext" in page.ids


def test_a_group_of_choices_is_a_fieldset_named_by_its_legend():
    page = Page(render_to_string("core/_form_fields.html", {"form": Booking(data={})}))
    assert "fieldset" in page.tags
    assert "When" in page.legends
    fieldset = next(attrs for tag, attrs in page.elements if tag == "fieldset")
    assert fieldset["aria-describedby"] == "id_when_error"


def test_a_filter_error_is_tied_to_its_filter(login, operator):
    html = login(operator).get("/service/visits/", {"since": "not a date"}).content.decode()
    page = Page(html)
    since = next(attrs for _, attrs in page.elements if attrs.get("name") == "since")
    assert since["aria-invalid"] == "true"
    assert since["aria-describedby"] == "id_since_error"
    for _, attrs in page.described():
        for name in attrs["aria-describedby"].split():
            assert name in page.ids, f"{attrs.get('name')}: no #{name}"


def test_no_template_draws_a_fields_errors_without_their_id():
    """Django's aria-describedby names `<id>_error`: a template that draws a field's errors
    itself (rather than through core/_field_errors.html) gives them that id."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "aftersales"
    loop = re.compile(r"{%\s*for \w+ in [\w.]+\.errors\s*%}")
    untied = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text()
        for match in loop.finditer(text):
            if '_error"' not in text[max(0, match.start() - 120) : match.start()]:
                untied.append(f"{template.relative_to(root)}: {match.group(0)}")
    assert untied == []
