"""Helpers of the browser tests; the `browser` and `page` fixtures are in tests/conftest.py."""


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("#login-submit")
