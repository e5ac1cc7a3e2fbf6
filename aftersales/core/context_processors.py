"""What every page needs: the navigation the user's role may use."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import Role

# (url name, label, icon, roles that see it; None = every signed-in staff role)
MENU = [
    ("home", _("Search"), "search", None),
    ("customers:list", _("Customers"), "people", None),
    ("units:list", _("Units"), "upc-scan", None),
    ("units:registrations", _("Registrations"), "patch-check", {Role.OPERATOR, Role.MANAGER}),
    ("units:imports", _("Imports"), "upload", {Role.OPERATOR, Role.MANAGER}),
    ("catalog:models", _("Catalogue"), "box-seam", None),
    ("warranty:policies", _("Warranty"), "shield-check", None),
    ("warranty:claims", _("Claims"), "clipboard-check", None),
    ("parts:stock", _("Spare parts"), "boxes", None),
    ("parts:van", _("My van"), "truck", {Role.TECHNICIAN}),
    ("agents:list", _("Agents"), "building", None),
    ("workforce:list", _("Technicians"), "person-gear", None),
]
CUSTOMER_MENU = [
    ("portal:home", _("My products"), "house"),
    ("portal:register", _("Register a product"), "plus-circle"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    if user.role == Role.CUSTOMER and not user.is_superuser:
        items = [(reverse(name), label, icon) for name, label, icon in CUSTOMER_MENU]
    else:
        admin = user.is_superuser or user.role == Role.ADMIN
        items = [
            (reverse(name), label, icon)
            for name, label, icon, roles in MENU
            if roles is None or admin or user.role in roles
        ]
    return {"menu": items}
