"""What every page needs: the navigation the user's role may use."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import Role

OPERATORS = {Role.OPERATOR, Role.MANAGER}
QUALITY = {Role.QUALITY, Role.MANAGER}
LISTENERS = {Role.OPERATOR, Role.DISPATCHER, Role.TECHNICIAN, Role.AGENT} | QUALITY
BILLING = {Role.FINANCE, Role.MANAGER}
COMPLAINTS = {Role.OPERATOR, Role.QUALITY, Role.MANAGER, Role.DISPATCHER, Role.AGENT}
SATISFACTION = COMPLAINTS | {Role.FINANCE}
RECOVERY = {Role.OPERATOR, Role.QUALITY, Role.MANAGER, Role.AGENT}
WORKSHOP = {Role.OPERATOR, Role.DISPATCHER, Role.TECHNICIAN, Role.AGENT, Role.MANAGER}
WORKFORCE_KEEPERS = {Role.MANAGER, Role.WAREHOUSE, Role.DISPATCHER, Role.TECHNICIAN}

# A menu item: (url name, label, icon, roles that see it — None = every staff role).
# A group: (label, icon, [items]); shown as a drop-down when more than one item is visible.
MENU = [
    ("home", _("Search"), "search", None),
    ("insights:dashboard", _("Dashboard"), "graph-up", {Role.MANAGER, Role.QUALITY, Role.FINANCE}),
    (
        _("Service"),
        "tools",
        [
            ("service:queue", _("Requests"), "inbox", None),
            ("inbox:list", _("Incoming e-mail"), "envelope", OPERATORS),
            ("service:visits", _("Visits"), "calendar-week", None),
            (
                "dispatch:plans",
                _("Dispatch plans"),
                "signpost-split",
                {Role.DISPATCHER, Role.MANAGER, Role.AGENT},
            ),
            ("service:today", _("My visits today"), "geo-alt", {Role.TECHNICIAN}),
            ("workshop:queue", _("Workshop"), "wrench-adjustable-circle", WORKSHOP),
            ("service:defects", _("Defect reports"), "bug", {Role.QUALITY, Role.MANAGER}),
            ("service:campaigns", _("Campaigns"), "megaphone", {Role.QUALITY, Role.MANAGER}),
            ("knowledge:list", _("Knowledge base"), "journal-text", None),
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
    (
        _("Billing"),
        "receipt",
        [
            ("billing:invoices", _("Invoices"), "receipt", None),
            ("billing:quotes", _("Quotes"), "file-earmark-text", None),
            ("billing:payments", _("Payments"), "cash-coin", BILLING),
            ("billing:statements", _("Bank statements"), "bank", BILLING),
            ("billing:sales", _("Counter sales to invoice"), "bag-check", BILLING),
            ("billing:journal", _("Invoice lines by payer"), "journal-text", BILLING),
            ("billing:tariffs_home", _("Tariffs"), "tags", BILLING),
            ("billing:targets", _("Revenue targets"), "graph-up-arrow", BILLING),
            ("insights:rates", _("Exchange rates"), "currency-exchange", BILLING),
        ],
    ),
    (
        _("Quality"),
        "clipboard2-pulse",
        [
            ("quality:pareto", _("Failure analytics"), "bar-chart", QUALITY),
            ("quality:warnings", _("Early warnings"), "exclamation-triangle", QUALITY),
            ("quality:actions", _("Corrective actions"), "wrench-adjustable", QUALITY),
            ("quality:processes", _("Service processes"), "diagram-3", QUALITY),
            ("quality:needs", _("Customers' needs and ideas"), "lightbulb", LISTENERS),
        ],
    ),
    ("catalog:models", _("Catalogue"), "box-seam", None),
    (
        _("Settlements"),
        "cash-coin",
        [
            (
                "settlements:list",
                _("Agents' settlements"),
                "cash-coin",
                {Role.FINANCE, Role.MANAGER, Role.AGENT},
            ),
            (
                "settlements:overview",
                _("Settlements overview"),
                "bar-chart",
                {Role.FINANCE, Role.MANAGER},
            ),
            (
                "settlements:journal",
                _("Settlement journal"),
                "journal-text",
                {Role.FINANCE, Role.MANAGER},
            ),
            (
                "settlements:runs",
                _("Payment runs"),
                "bank",
                {Role.FINANCE, Role.MANAGER},
            ),
        ],
    ),
    (
        _("Customer care"),
        "chat-heart",
        [
            ("complaints:list", _("Complaints"), "exclamation-octagon", COMPLAINTS),
            ("complaints:analysis", _("Complaint analysis"), "pie-chart", COMPLAINTS),
            (
                "complaints:deadlines",
                _("Complaint deadlines"),
                "alarm",
                {Role.MANAGER, Role.QUALITY},
            ),
            ("surveys:dashboard", _("Satisfaction"), "emoji-smile", SATISFACTION),
            ("surveys:follow_ups", _("Customers to call back"), "telephone-outbound", RECOVERY),
        ],
    ),
    (
        _("Network"),
        "building",
        [
            ("agents:portal", _("My agency"), "building-check", {Role.AGENT}),
            ("agents:list", _("Agents"), "building", None),
            ("agents:plan", _("Network plan"), "map", {Role.MANAGER}),
            ("agents:scorecards", _("Agent scorecards"), "speedometer2", QUALITY),
            ("agents:grades", _("Agent grades"), "award", QUALITY),
            ("agents:actions", _("Agents' improvement actions"), "arrow-up-right-circle", QUALITY),
            ("agents:criteria", _("Selection criteria"), "list-check", {Role.MANAGER}),
            ("agents:equipment", _("Agent equipment"), "tools", {Role.MANAGER}),
            ("workforce:list", _("Technicians"), "person-gear", None),
            ("workforce:overview", _("Workforce overview"), "bar-chart", {Role.MANAGER}),
            ("workforce:certifications", _("Certifications"), "patch-check", None),
            ("workforce:qualifications", _("Qualifications"), "award", None),
            ("workforce:courses", _("Training courses"), "journal-bookmark", None),
            ("workforce:sessions", _("Training sessions"), "mortarboard", None),
            ("workforce:attendances", _("Trained people"), "people", None),
            ("workforce:assets", _("Tools and vehicles"), "wrench", WORKFORCE_KEEPERS),
            ("workforce:handovers", _("Hand-overs"), "clipboard-check", WORKFORCE_KEEPERS),
            (
                "workforce:absences",
                _("Time off"),
                "calendar-x",
                {Role.TECHNICIAN, Role.AGENT, Role.DISPATCHER, Role.MANAGER},
            ),
        ],
    ),
]
CUSTOMER_MENU = [
    ("portal:home", _("My products"), "house", None),
    ("portal:register", _("Register a product"), "plus-circle", None),
    ("service:portal_requests", _("My requests"), "chat-left-text", None),
    ("billing:portal", _("My quotes and invoices"), "receipt", None),
    ("complaints:mine", _("My complaints"), "exclamation-octagon", None),
    ("portal:details", _("My details"), "person-vcard", None),
]


# A page of the user's own van or agency: an administrator has neither.
OWN_PAGES = {"parts:van", "agents:portal"}


def _visible(user, roles, name: str = "") -> bool:
    if name in OWN_PAGES:
        return user.role in roles
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
        elif _visible(user, entry[3], entry[0]):
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
