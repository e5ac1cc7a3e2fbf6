from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgentsConfig(AppConfig):
    name = "aftersales.agents"
    label = "agents"
    verbose_name = _("Authorized agents")
