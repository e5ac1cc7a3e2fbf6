"""The one door to data: `Model.objects.restrict(user, action)`.

Each business model declares a `Policy`: which roles may view, add, change and delete it, and how
a customer or an agent's staff is narrowed to their own records. A record outside the user's scope
is simply absent from the queryset, so views and endpoints answer 404 for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q

from .choices import Role

Scope = str | Callable[[object], Q] | None


def ALL(owner) -> Q:  # noqa: N802 - reads as a constant: `customer=ALL`
    """A scope for shared reference data (the catalogue): narrowed roles see every record."""
    return Q()


ACTIONS = ("view", "add", "change", "delete")


@dataclass(frozen=True)
class Policy:
    """Who may do what with a model's records.

    `customer` is the lookup from the model to the owning customer (e.g. "owner"), or a callable
    taking the Customer and returning a Q. `agent` is the same for the responsible Agent. A role
    that is narrowed but has no lookup sees nothing.
    """

    view: frozenset = field(default_factory=frozenset)
    add: frozenset = field(default_factory=frozenset)
    change: frozenset = field(default_factory=frozenset)
    delete: frozenset = field(default_factory=frozenset)
    customer: Scope = None
    agent: Scope = None

    def allows(self, user, action: str) -> bool:
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        if not (user and user.is_authenticated and user.is_active):
            return False
        if user.is_superuser or user.role == Role.ADMIN:
            return True
        return user.role in getattr(self, action)

    def scope(self, user, action: str) -> Q | None:
        """The filter for `user` doing `action`, or None when nothing is allowed."""
        if not self.allows(user, action):
            return None
        if user.is_superuser or user.role == Role.ADMIN:
            return Q()
        if user.role == Role.CUSTOMER:
            customer = getattr(user, "customer", None)
            return _narrow(self.customer, customer)
        if user.agent_id and user.role in (Role.AGENT, Role.TECHNICIAN):
            return _narrow(self.agent, user.agent)
        if user.role == Role.AGENT:
            return None  # agent staff not attached to an agent see nothing
        return Q()


def _narrow(lookup: Scope, owner) -> Q | None:
    if lookup is ALL:
        return Q()
    if owner is None or lookup is None:
        return None
    if callable(lookup):
        return lookup(owner)
    return Q(**{lookup: owner})


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view"):
        q = self.model.policy.scope(user, action)
        return self.none() if q is None else self.filter(q)


RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)


def can(user, model, action: str) -> bool:
    """Whether the user's role may `action` records of `model` at all (for showing buttons)."""
    return model.policy.allows(user, action)


def demand(user, model, action: str) -> None:
    """Refuse (PermissionDenied: 403 in the API) a role that may never `action` records of
    `model`; a record out of the user's scope is then a 404 through `restrict()`."""
    if not can(user, model, action):
        raise PermissionDenied


def customer_page(view):
    """Marks a page a customer may open: the portal, the public forms, their own documents.

    Every other page of ours answers 404 to a customer (`CustomerPagesMiddleware`), even where
    `restrict()` would narrow it to their own records: staff pages show internal fields (SLA dues,
    history, notes). Decorates a view function or a class-based view.
    """
    view.customer_page = True
    return view
