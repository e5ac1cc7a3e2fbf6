"""The workforce's check on the planning of a visit (registered with `service.planning` in
`WorkforceConfig.ready`): no visit goes to a technician during their approved time off, whatever
plans it (the request's page, the API, publishing or moving a dispatch plan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext as _

from .selectors import approved_absences


def _span(visit) -> tuple[dt.datetime, dt.datetime]:
    """The moments the visit takes: its window, or the instant it starts when only that is
    known (a visit moved by hand on the dispatch board)."""
    start = visit.window_start
    end = visit.window_end
    if end is None or end <= start:
        end = start + dt.timedelta(seconds=1)
    return start, end


def technician_away(planned: Sequence) -> dict[int, str]:
    """Refuse a visit whose technician has approved time off meeting its window, naming it."""
    chosen = [
        visit
        for visit in planned
        if getattr(visit, "technician", None) is not None and visit.window_start is not None
    ]
    if not chosen:
        return {}
    spans = [_span(visit) for visit in chosen]
    absences = list(
        approved_absences(
            {visit.technician.pk for visit in chosen},
            min(start for start, _end in spans),
            max(end for _start, end in spans),
        )
    )
    refused = {}
    for visit, (start, end) in zip(chosen, spans, strict=True):
        absence = next(
            (
                a
                for a in absences
                if a.technician_id == visit.technician.pk
                and a.starts_at < end
                and a.ends_at > start
            ),
            None,
        )
        if absence is None:
            continue
        refused[visit.request.pk] = _(
            "%(technician)s is away then (%(kind)s, %(period)s): choose another technician or "
            "another time for %(request)s."
        ) % {
            "technician": visit.technician.full_name,
            "kind": absence.get_kind_display(),
            "period": absence.period,
            "request": visit.request.number,
        }
    return refused
