from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceConfig(AppConfig):
    name = "aftersales.service"
    label = "service"
    verbose_name = _("Service delivery")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import caches
        from .business import forget_calendars
        from .models import Holiday, ServiceType, SlaTarget

        # the holiday cache of business.calendar_for, not a business rule
        post_save.connect(forget_calendars, sender=Holiday, dispatch_uid="service-holidays-save")
        post_delete.connect(
            forget_calendars, sender=Holiday, dispatch_uid="service-holidays-delete"
        )
        for model in (ServiceType, SlaTarget):  # the caches of caches.py
            name = model.__name__
            post_save.connect(caches.forget, sender=model, dispatch_uid=f"service-{name}-save")
            post_delete.connect(caches.forget, sender=model, dispatch_uid=f"service-{name}-delete")
