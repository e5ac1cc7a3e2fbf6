"""The surveys API."""

from ninja import Router

router = Router(tags=["surveys"])
