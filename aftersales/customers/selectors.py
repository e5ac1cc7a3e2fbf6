"""Reads on customers."""

import re

from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from aftersales.core.choices import Country, Language
from aftersales.core.phones import parse_phone
from aftersales.core.search import prefix_q
from aftersales.core.text import latin_digits, search_key

from .models import Customer, Phone

_ID_CHARS = re.compile(r"[\s\-./]")


def customers_find(*, user, query: str) -> QuerySet[Customer]:
    """Customers the user may see whose phone, national ID / tax code or name matches `query`.

    A phone is matched in any format or digits (it is parsed to E.164); a name by the start of
    the full name or of the surname, ignoring case and Arabic/Persian letter variants.
    """
    text = latin_digits(query or "").strip()
    if not text:
        return Customer.objects.none()
    # Exact keys are looked up first, each by its own index, so that no planner is tempted to
    # scan customers for an OR across tables; the ids found are few.
    ids: list[int] = []
    phone = parse_phone(text)
    if phone:
        ids += Phone.objects.filter(number=phone).values_list("customer_id", flat=True)
    compact = _ID_CHARS.sub("", text).upper()
    if compact.startswith("IT") and len(compact) == 13 and compact[2:].isdigit():
        compact = compact[2:]  # a partita IVA as VIES writes it: IT + the 11 digits stored
    if len(compact) >= 10 and compact.isalnum():
        ids += Customer.objects.filter(Q(national_id=compact) | Q(vat_number=compact)).values_list(
            "pk", flat=True
        )
    condition = Q(pk__in=ids)
    key = search_key(query)
    if not phone and not compact.isdigit() and len(key) >= 2:
        condition |= prefix_q("search_name", key) | prefix_q("search_last", key)
    return (
        Customer.objects.restrict(user, "view")
        .filter(condition)
        .prefetch_related("phones")
        .order_by("search_name", "pk")
    )


def customer_by_email(email: str) -> Customer | None:
    """The one customer whose e-mail is `email` (ignoring case); None when none or several are."""
    email = (email or "").strip()
    if not email:
        return None
    found = list(Customer.objects.filter(email__iexact=email).order_by("pk")[:2])
    return found[0] if len(found) == 1 else None


def customer_units(*, user, customer: Customer):
    from aftersales.units.models import Unit

    return (
        Unit.objects.restrict(user, "view")
        .filter(owner=customer)
        .select_related("product_model", "product_model__category", "service_agent")
    )


def new_customer_defaults(user) -> dict:
    """The country and language a new customer most likely has, as the form's first guess: the
    user's agent's country, else Italy for a desk that works in Italian or in Italy's time, else
    Iran (so an Italian desk does not have its codici fiscali checked as Iranian codes)."""
    agent = getattr(user, "agent", None)
    if agent is not None:
        country = agent.country
    elif user.time_zone == "Europe/Rome" or (user.language or get_language() or "").startswith(
        "it"
    ):
        country = Country.ITALY
    else:
        country = Country.IRAN
    language = Language.ITALIAN if country == Country.ITALY else Language.PERSIAN
    return {"country": country, "preferred_language": language}
