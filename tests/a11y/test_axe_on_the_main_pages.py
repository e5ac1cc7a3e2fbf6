"""axe-core finds no serious or critical accessibility problem on the main pages of the
operator, the technician and the customer, in English and in Persian (right to left): names of
controls, labels, contrast, landmarks, headings, language; a form sent with errors ties each
error to its field."""

import pytest

from .conftest import axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "fa"]


def check(page, url, *, submit=None):
    page.goto(url)
    if submit:
        # the server's errors, not the browser's own check of required fields
        page.eval_on_selector(submit, "button => { button.form.noValidate = true; }")
        with page.expect_navigation():
            page.click(submit)
        assert page.locator("[aria-invalid=true]").count(), f"{url}: the form shows no error"
    return [f"{url}: {problem}" for problem in axe_problems(page)]


def language_is_right(page, language):
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "fa" else "ltr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_operators_pages(sign_in, scene, language):
    page = sign_in(scene["operator"], language)
    job = scene["planned"].request
    problems = check(page, "/service/")  # the queue, a list page
    language_is_right(page, language)
    problems += check(page, "/")  # the search box
    problems += check(page, job.get_absolute_url())
    problems += check(page, "/service/new/")
    problems += check(page, f"/service/new/{scene['owner'].pk}/")  # the new-request form
    problems += check(page, "/customers/")
    problems += check(page, "/customers/new/", submit="main form button[type=submit]")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_technicians_pages(sign_in, scene, language):
    page = sign_in(scene["technician"], language)
    problems = check(page, "/service/visits/today/")
    language_is_right(page, language)
    problems += check(page, scene["planned"].get_absolute_url())
    # on site: diagnosis, check-list, parts, photos, signature and check-out on one page
    problems += check(page, scene["on_site"].get_absolute_url())
    problems += check(
        page, scene["on_site"].get_absolute_url(), submit="#close button[type=submit]"
    )
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_customers_pages(sign_in, scene, language):
    page = sign_in(scene["customer"], language)
    problems = check(page, "/my/")
    language_is_right(page, language)
    problems += check(page, f"/service/my/{scene['planned'].request.pk}/")
    problems += check(page, "/service/my/")
    problems += check(page, "/service/my/new/", submit="main form button[type=submit]")
    problems += check(page, "/my/register/", submit="main form button[type=submit]")
    assert problems == []
