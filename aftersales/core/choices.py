"""Choice sets shared by every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    OPERATOR = "operator", _("Operator")
    DISPATCHER = "dispatcher", _("Dispatcher")
    TECHNICIAN = "technician", _("Technician")
    AGENT = "agent", _("Agent staff")
    WAREHOUSE = "warehouse", _("Warehouse keeper")
    FINANCE = "finance", _("Finance")
    QUALITY = "quality", _("Quality engineer")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Administrator")


class Language(models.TextChoices):
    PERSIAN = "fa", _("Persian")
    ITALIAN = "it", _("Italian")
    ENGLISH = "en", _("English")


class Country(models.TextChoices):
    IRAN = "IR", _("Iran")
    ITALY = "IT", _("Italy")


class Currency(models.TextChoices):
    IRR = "IRR", _("Iranian rial")
    EUR = "EUR", _("Euro")


# Roles of the manufacturer's own staff: they see the whole installed base.
STAFF_ROLES = frozenset(
    {
        Role.OPERATOR,
        Role.DISPATCHER,
        Role.TECHNICIAN,
        Role.WAREHOUSE,
        Role.FINANCE,
        Role.QUALITY,
        Role.MANAGER,
        Role.ADMIN,
    }
)
EVERYONE = STAFF_ROLES | {Role.CUSTOMER, Role.AGENT}
