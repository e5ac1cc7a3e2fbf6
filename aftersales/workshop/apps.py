from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopConfig(AppConfig):
    name = "aftersales.workshop"
    label = "workshop"
    verbose_name = _("Workshop")

    def ready(self):
        from aftersales.service.planning import register_check, register_custody

        from .planning import unit_in_workshop, units_held

        register_check(unit_in_workshop)  # every planning of a visit, whatever plans it
        register_custody(units_held)  # the dispatcher sees the units held, plans deliveries
