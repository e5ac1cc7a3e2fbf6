"""A technician's visits as an iCalendar feed (RFC 5545) that a phone's calendar subscribes to.

A calendar app cannot sign in, so the feed is read through a secret link: `calendar_link_renew`
returns its key once and keeps only the hash; a new link replaces the old one and
`calendar_link_stop` ends it. The feed holds the technician's own visits from a month back to
three months ahead, in their language; a cancelled visit stays in it as cancelled, so the phone
removes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.public import public_url

from . import planning
from .choices import VisitStatus
from .models import CalendarFeed, Visit

PAST = dt.timedelta(days=31)
AHEAD = dt.timedelta(days=92)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def may_subscribe(user: User) -> bool:
    """Technicians with visits of their own (ours or an agent's) may have a calendar link."""
    return user.is_authenticated and user.role == Role.TECHNICIAN


def link_of(user: User) -> CalendarFeed | None:
    """The user's own calendar link, if they have one."""
    return CalendarFeed.objects.filter(user=user).first()


@transaction.atomic
def calendar_link_renew(*, user: User) -> str:
    """A new secret link for `user`'s visits; the key is returned once, the old link stops."""
    if not may_subscribe(user):
        raise PermissionDenied(_("Only technicians have a calendar of visits."))
    key = "cal_" + secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        feed = CalendarFeed(user=user)
    feed.digest = _hash(key)
    feed.created_at = timezone.now()
    feed.last_read_at = None
    feed.save()
    return key


@transaction.atomic
def calendar_link_stop(*, user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def reader(key: str) -> User | None:
    """The active technician whose link has this key, or None; notes when it was read."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(digest=_hash(key), user__is_active=True)
        .first()
    )
    if feed is None or not may_subscribe(feed.user):
        return None
    now = timezone.now()
    if feed.last_read_at is None or now - feed.last_read_at > dt.timedelta(hours=1):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=now)
    return feed.user


def visits_for(user: User, *, now: dt.datetime | None = None):
    now = now or timezone.now()
    return (
        Visit.objects.restrict(user, "view")
        .filter(
            technician__user=user,
            window_start__gte=now - PAST,
            window_start__lte=now + AHEAD,
        )
        .select_related(
            "request__customer",
            "request__address",
            "request__service_type",
            "request__unit__product_model",
            "request__unit__installation_address",
        )
        .prefetch_related("request__customer__addresses")
        .order_by("window_start", "pk")
    )


def feed(user: User, *, now: dt.datetime | None = None) -> bytes:
    """The iCalendar text of `user`'s visits, written in their language."""
    with translation.override(user.language or translation.get_language()):
        calendar = Calendar()
        calendar.add("prodid", "-//Aftersales//visits//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("My visits"))
        calendar.add("x-published-ttl", "PT1H")
        for visit in visits_for(user, now=now):
            calendar.add_component(_event(visit))
        return calendar.to_ical()


def _event(visit: Visit) -> Event:
    request = visit.request
    event = Event()
    event.add("uid", f"{visit.number}@aftersales")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", visit.window_start)
    event.add("dtend", visit.window_end)
    event.add(
        "summary",
        _("%(service)s: %(customer)s")
        % {"service": request.service_type.name, "customer": request.customer.display_name},
    )
    place = planning.destination(visit)
    if place is not None:
        event.add("location", f"{place.line}, {place.city}")
    lines = [f"{request.number} · {visit.number}"]
    if request.contact_phone:
        lines.append(request.contact_phone)
    if request.unit is not None:
        lines.append(f"{request.unit.product_model.name} · {request.unit.serial}")
    if request.description:
        lines.append(request.description)
    event.add("description", "\n".join(lines))
    event.add("url", public_url(visit.get_absolute_url()))
    cancelled = visit.status == VisitStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event
