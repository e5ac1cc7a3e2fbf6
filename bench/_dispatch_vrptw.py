"""VRPTW instances (VRPLIB format) as problems of our engine interface, DIMACS convention:
Euclidean distances truncated to one decimal, so every time and distance is counted in tenths."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from aftersales.dispatch.engine import Job, Problem, Window, Worker

ROOT = Path(__file__).resolve().parent.parent
# the shared benchmark data beside the repository, or where AFTERSALES_VRPTW_DIR says
INSTANCES = Path(os.environ.get("AFTERSALES_VRPTW_DIR", ROOT.parent / "shared" / "data" / "vrptw"))
SCALE = 10


def best_known(name: str, directory: Path = INSTANCES) -> float:
    """The last line of the `.sol` beside the instance: `Cost 776.1`."""
    lines = (directory / f"{name}.sol").read_text().strip().splitlines()
    return float(lines[-1].split()[-1])


def load(name: str, directory: Path = INSTANCES) -> Problem:
    import vrplib

    instance = vrplib.read_instance(str(directory / f"{name}.vrp"))
    coords = np.asarray(instance["node_coord"], dtype=float)
    gaps = coords[:, None, :] - coords[None, :, :]
    distances = np.floor(np.sqrt((gaps**2).sum(-1)) * SCALE).astype(np.int64)
    windows = np.asarray(instance["time_window"]) * SCALE
    service = np.asarray(instance["service_time"]) * SCALE
    if service.ndim == 0:
        service = np.full(len(coords), int(service))
    demand = np.asarray(instance["demand"])
    capacity = int(instance["capacity"])
    vehicles = int(instance.get("vehicles", len(coords) - 1))
    horizon = Window(int(windows[0][0]), int(windows[0][1]))
    workers = [
        Worker(id=v, start=0, end=0, shift=horizon, capacity=capacity) for v in range(vehicles)
    ]
    jobs = [
        Job(
            id=i,
            location=i,
            duration=int(service[i]),
            windows=[Window(int(windows[i][0]), int(windows[i][1]))],
            demand=int(demand[i]),
        )
        for i in range(1, len(coords))
    ]
    return Problem(jobs=jobs, workers=workers, durations=distances, distances=distances)
