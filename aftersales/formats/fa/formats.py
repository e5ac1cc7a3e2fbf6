"""Django's Persian formats, with thousands grouped (Django's own leave 42000000 unreadable)."""

from django.conf.locale.fa.formats import *  # noqa: F403

NUMBER_GROUPING = 3
