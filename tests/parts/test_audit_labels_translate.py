"""Every field the audit trail shows on a stock or agent record has a label for translators, so
a Persian or Italian page never shows a raw English field name such as "created by"."""

from auditlog.registry import auditlog
from django.apps import apps
from django.utils.functional import Promise

from aftersales.core.audit import NEVER_SHOWN


def test_every_audited_field_of_parts_and_agents_has_a_translatable_label():
    untranslated = [
        f"{model.__name__}.{field.name}"
        for app in ("parts", "agents")
        for model in apps.get_app_config(app).get_models()
        if auditlog.contains(model)
        for field in model._meta.concrete_fields
        if field.name not in NEVER_SHOWN and not isinstance(field.verbose_name, Promise)
    ]
    assert untranslated == []
