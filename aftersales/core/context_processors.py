"""What every page needs: the navigation the user's role may use."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import Role

OPERATORS = {Role.OPERATOR, Role.MANAGER}

# A menu item: (url name, label, icon, roles that see it — None = every staff role).
# A group: (label, icon, [items]); shown as a drop-down when more than one item is visible.
MENU = [
    ("home", _("Search"), "search", None),
    (
        _("Service"),
        "tools",
        [
            ("service:queue", _("Requests"), "inbox", None),
            ("service:visits", _("Visits"), "calendar-week", None),
            ("service:today", _("My visits today"), "geo-alt", {Role.TECHNICIAN}),
            ("service:defects", _("Defect reports"), "bug", {Role.QUALITY, Role.MANAGER}),
            ("service:campaigns", _("Campaigns"), "megaphone", {Role.QUALITY, Role.MANAGER}),
        ],
    ),
    (
        _("Installed base"),
        "upc-scan",
        [
            ("customers:list", _("Customers"), "people", None),
            ("units:list", _("Units"), "upc-scan", None),
            ("units:registrations", _("Registrations"), "patch-check", OPERATORS),
            ("units:imports", _("Imports"), "upload", OPERATORS),
        ],
    ),
    (
        _("Warranty"),
        "shield-check",
        [
            ("warranty:claims", _("Claims"), "clipboard-check", None),
            ("warranty:policies", _("Warranty policies"), "shield-check", None),
        ],
    ),
    (
        _("Spare parts"),
        "boxes",
        [
            ("parts:stock", _("Stock"), "boxes", None),
            ("parts:van", _("My van"), "truck", {Role.TECHNICIAN}),
        ],
    ),
    ("catalog:models", _("Catalogue"), "box-seam", None),
    (
        _("Network"),
        "building",
        [
            ("agents:list", _("Agents"), "building", None),
            ("workforce:list", _("Technicians"), "person-gear", None),
        ],
    ),
]
CUSTOMER_MENU = [
    ("portal:home", _("My products"), "house", None),
    ("portal:register", _("Register a product"), "plus-circle", None),
    ("service:portal_requests", _("My requests"), "chat-left-text", None),
]


def _visible(user, roles) -> bool:
    return roles is None or user.is_superuser or user.role == Role.ADMIN or user.role in roles


def _items(user, entries) -> list[dict]:
    items = []
    for entry in entries:
        if isinstance(entry[2], list):
            label, icon, children = entry
            visible = _items(user, children)
            if len(visible) == 1:
                items.extend(visible)
            elif visible:
                items.append({"label": label, "icon": icon, "children": visible})
        elif _visible(user, entry[3]):
            name, label, icon, _roles = entry
            items.append({"url": reverse(name), "label": label, "icon": icon})
    return items


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    if user.role == Role.CUSTOMER and not user.is_superuser:
        return {"menu": _items(user, CUSTOMER_MENU)}
    return {"menu": _items(user, MENU)}
