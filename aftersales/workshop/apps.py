from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopConfig(AppConfig):
    name = "aftersales.workshop"
    label = "workshop"
    verbose_name = _("Workshop")

    def ready(self):
        from aftersales.service.planning import register_check

        from .planning import unit_in_workshop

        register_check(unit_in_workshop)  # every planning of a visit, whatever plans it
