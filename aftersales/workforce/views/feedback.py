"""Errors of a step posted from a record's page come back as messages on that page."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def fail(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)
