"""Every form's fields are styled and bounded, also fields a form adds in its own __init__."""

from django import forms

from aftersales.core.forms import INTEGER_MAX, BootstrapMixin


class CountForm(BootstrapMixin, forms.Form):
    counted = forms.IntegerField(min_value=0)
    share = forms.DecimalField(max_digits=5, decimal_places=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extra"] = forms.IntegerField(required=False)


def test_fields_added_after_init_are_styled_like_the_others():
    form = CountForm()
    assert 'class="form-control"' in str(form["extra"])
    assert 'class="form-control"' in str(form["counted"])


def test_a_whole_number_too_big_for_the_database_is_an_error_on_its_field():
    huge = str(INTEGER_MAX + 1)
    form = CountForm({"counted": huge, "share": "1", "extra": huge})
    assert not form.is_valid()
    assert set(form.errors) == {"counted", "extra"}
    assert CountForm({"counted": str(INTEGER_MAX), "share": "1"}).is_valid()
    assert f'max="{INTEGER_MAX}"' in str(CountForm()["counted"])


def test_number_boxes_keep_what_a_persian_keyboard_types():
    from django.utils import translation

    with translation.override("fa"):
        html = str(CountForm()["counted"])
        assert 'type="text"' in html and 'inputmode="numeric"' in html
        assert 'inputmode="decimal"' in str(CountForm()["share"])
        form = CountForm({"counted": "۱۲", "share": "۱۲٫۵"})
        assert form.is_valid(), form.errors
    assert (form.cleaned_data["counted"], str(form.cleaned_data["share"])) == (12, "12.5")
    with translation.override("en"):
        assert 'type="number"' in str(CountForm()["counted"])


def test_number_boxes_show_their_values_in_persian_digits_and_read_them_back():
    from django.utils import translation

    with translation.override("fa"):
        shown = CountForm(initial={"counted": 12, "share": "2.5"})
        assert 'value="۱۲"' in str(shown["counted"]) and 'value="۲٫۵"' in str(shown["share"])
        again = CountForm({"counted": "۱۲", "share": "۲٫۵"})  # what the browser sends back
        assert again.is_valid(), again.errors
    assert (again.cleaned_data["counted"], str(again.cleaned_data["share"])) == (12, "2.5")
    with translation.override("it"):
        assert 'value="12"' in str(CountForm(initial={"counted": 12})["counted"])
