"""Reads of the workshop."""

from django.db.models import QuerySet

from .choices import ACTIVE_STATUSES
from .models import WorkshopJob


def jobs_for(user, action: str = "view") -> QuerySet[WorkshopJob]:
    """The workshop jobs `user` may `action`, with what their pages show."""
    return WorkshopJob.objects.restrict(user, action).select_related(
        "request",
        "request__customer",
        "unit",
        "unit__product_model",
        "workshop",
        "workshop__warehouse",
    )


def jobs_of_request(user, request) -> list[WorkshopJob]:
    """The workshop jobs of `request` that `user` may see, newest first."""
    return list(jobs_for(user).filter(request=request).order_by("-received_at", "-pk"))


def active_job(jobs: list[WorkshopJob]) -> WorkshopJob | None:
    return next((job for job in jobs if job.status in ACTIVE_STATUSES), None)
