"""What a figure is about: a period of local days and at most a few dimensions."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, fields, replace

from django.conf import settings


@dataclass(frozen=True)
class Scope:
    """Local days `start`..`end` (both included), narrowed by any of the dimensions (objects or
    primary keys; `region` is the agent's region text)."""

    start: dt.date
    end: dt.date
    agent: object = None
    technician: object = None
    region: str | None = None
    category: object = None
    product_model: object = None
    service_type: object = None

    DIMENSIONS = ("agent", "technician", "region", "category", "product_model", "service_type")

    def __post_init__(self):
        for name in self.DIMENSIONS:
            value = getattr(self, name)
            if value is not None and hasattr(value, "pk"):
                object.__setattr__(self, name, value.pk)
        if self.region == "":
            object.__setattr__(self, "region", None)

    @property
    def filters(self) -> dict:
        """The dimensions that are set."""
        return {name: getattr(self, name) for name in self.DIMENSIONS if getattr(self, name)}

    def has_any(self, *names: str) -> bool:
        return any(getattr(self, name) for name in names)

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """The period as aware datetimes: [start 00:00, end + 1 day 00:00) in local time."""
        return local_midnight(self.start), local_midnight(self.end + dt.timedelta(days=1))

    def with_period(self, start: dt.date, end: dt.date) -> Scope:
        return replace(self, start=start, end=end)

    def as_kwargs(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=local_zone())
