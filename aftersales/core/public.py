"""Links that leave the site (e-mails, SMS, calendars) point at its public address."""

from django.conf import settings


def public_url(path: str) -> str:
    """`path` on the site's public address (`AFTERSALES_PUBLIC_URL`, from the environment)."""
    return settings.PUBLIC_URL.rstrip("/") + path
