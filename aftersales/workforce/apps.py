from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "aftersales.workforce"
    label = "workforce"
    verbose_name = _("Workforce")

    def ready(self):
        from aftersales.service.planning import register_check

        from .planning import technician_away

        register_check(technician_away)  # no visit during a technician's approved time off
