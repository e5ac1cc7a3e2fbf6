"""Travel times and distances between places: the matrix the engine plans with.

By default the straight line (great-circle) distance times a road factor per region, driven at
an average speed. Where a road-network service exists, plug it in: `Osrm` asks an OSRM server's
table service; any object with the same `matrix(places)` method will do (see docs/dispatch.md).

Configuration, from the environment (or the Django settings of the same name):
- `DISPATCH_SPEED_KMH` (default 35), `DISPATCH_ROAD_FACTOR` (default 1.35);
- `DISPATCH_ROAD_FACTORS`, e.g. `Tehran=1.5,Gilan=1.6` (a region's own factor);
- `DISPATCH_OSRM_URL`, e.g. `http://127.0.0.1:5000`: use that OSRM server instead.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from django.conf import settings

EARTH_RADIUS_M = 6_371_000


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    region: str = ""


class MatrixProvider(Protocol):
    def matrix(self, places: Sequence[Place]) -> tuple[np.ndarray, np.ndarray]:
        """(seconds, metres) between every two places, as square integer arrays."""
        ...


def _great_circle(places: Sequence[Place]) -> np.ndarray:
    lat = np.radians([p.latitude for p in places])
    lon = np.radians([p.longitude for p in places])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


class StraightLine:
    """Great-circle distance x the road factor of the origin's region, at an average speed."""

    def __init__(
        self,
        *,
        speed_kmh: float = 35,
        road_factor: float = 1.35,
        factors: dict[str, float] | None = None,
    ):
        self.speed = speed_kmh * 1000 / 3600  # metres per second
        self.road_factor = road_factor
        self.factors = {k.strip().casefold(): v for k, v in (factors or {}).items()}

    def matrix(self, places: Sequence[Place]) -> tuple[np.ndarray, np.ndarray]:
        factor = np.array(
            [self.factors.get(p.region.strip().casefold(), self.road_factor) for p in places]
        )
        metres = _great_circle(places) * factor[:, None]
        return np.rint(metres / self.speed).astype(np.int64), np.rint(metres).astype(np.int64)


class Osrm:
    """An OSRM server's table service (`/table/v1/driving/...?annotations=duration,distance`)."""

    def __init__(self, url: str, *, timeout: float = 30):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def matrix(self, places: Sequence[Place]) -> tuple[np.ndarray, np.ndarray]:
        coordinates = ";".join(f"{p.longitude:.6f},{p.latitude:.6f}" for p in places)
        url = f"{self.url}/table/v1/driving/{coordinates}?annotations=duration,distance"
        with urllib.request.urlopen(url, timeout=self.timeout) as answer:  # noqa: S310
            table = json.load(answer)
        if table.get("code") != "Ok":
            raise RuntimeError(table.get("message") or table.get("code"))
        seconds = np.rint(np.asarray(table["durations"], dtype=float)).astype(np.int64)
        metres = np.rint(np.asarray(table["distances"], dtype=float)).astype(np.int64)
        return seconds, metres


def _setting(name: str, default):
    return os.environ.get(name) or getattr(settings, name, None) or default


def _factors(text) -> dict[str, float]:
    if isinstance(text, dict):
        return {k: float(v) for k, v in text.items()}
    pairs = (item.split("=", 1) for item in str(text).split(",") if "=" in item)
    return {region: float(value) for region, value in pairs}


def provider() -> MatrixProvider:
    """The configured provider: OSRM where `DISPATCH_OSRM_URL` is set, else the straight line."""
    url = _setting("DISPATCH_OSRM_URL", "")
    if url:
        return Osrm(url)
    return StraightLine(
        speed_kmh=float(_setting("DISPATCH_SPEED_KMH", 35)),
        road_factor=float(_setting("DISPATCH_ROAD_FACTOR", 1.35)),
        factors=_factors(_setting("DISPATCH_ROAD_FACTORS", "")),
    )
