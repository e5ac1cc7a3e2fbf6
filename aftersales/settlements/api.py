"""The settlements API."""

from ninja import Router

router = Router(tags=["settlements"])
