"""Pricing a job from the tariffs, and splitting each line by payer with the warranty engine.

`price_visit(visit)` answers what a closed visit costs: labour (the hourly rate of the service
type x category x region, at least its minimum; the commitment-period rate when the warranty has
ended but the legal commitment period has not), travel (the distance zone from the technician's
home, or the agent's premises, to the customer), the parts used (the catalogue's customer price
list) or, instead of labour and travel, the model's fixed price for the service. An accepted quote
for the request replaces all of that: the customer pays what was agreed.

Each line then goes through `warranty.coverage.coverage_for` on the day the request was opened:
the covered per cent is charged to the payer the warranty names (the manufacturer, or the agent),
the rest to the customer; a line covered in part becomes two lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from aftersales.core.money import quantize
from aftersales.core.text import show_number
from aftersales.warranty.choices import Payer as WarrantyPayer
from aftersales.warranty.coverage import Line, coverage_for, local_day, owner_time_zone

from . import tariffs
from .choices import LineKind, Payer, QuoteStatus

HUNDRED = Decimal(100)
SIXTY = Decimal(60)
PAYERS = {
    WarrantyPayer.CUSTOMER: Payer.CUSTOMER,
    WarrantyPayer.MANUFACTURER: Payer.MANUFACTURER,
    WarrantyPayer.SUPPLIER: Payer.MANUFACTURER,  # the maker pays, then recovers from the supplier
    WarrantyPayer.AGENT: Payer.AGENT,
}


@dataclass
class PricedLine:
    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal | None  # None: the tariff has no price for it
    part_id: int | None = None
    share_percent: Decimal = HUNDRED
    payer: str = Payer.CUSTOMER
    rule: str = ""
    note: str = ""
    net: Decimal = Decimal(0)
    rate: object = None  # the labour rate behind a labour line


@dataclass
class Pricing:
    company: object
    currency: str
    language: str
    priced_on: dt.date
    region: str
    tax_percent: Decimal
    lines: list[PricedLine] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    quote: object = None

    @property
    def complete(self) -> bool:
        return not self.missing


def job_region(request) -> str:
    """Where the job is: the request's address, else the unit's, else the customer's default."""
    for address in (
        request.address,
        getattr(request.unit, "installation_address", None) if request.unit_id else None,
        request.customer.addresses.first(),
    ):
        if address is not None and address.region:
            return address.region
    return ""


def job_day(request) -> dt.date:
    return local_day(request.opened_at, owner_time_zone(request.customer.country))


def _distance(visit) -> Decimal | None:
    request = visit.request
    address = request.address or (request.unit.installation_address if request.unit_id else None)
    to = (
        (address.latitude, address.longitude)
        if address is not None and address.latitude is not None
        else (visit.latitude, visit.longitude)
    )
    technician = visit.technician
    start = (technician.home_latitude, technician.home_longitude)
    if start[0] is None and technician.agent_id:
        start = (technician.agent.latitude, technician.agent.longitude)
    return tariffs.distance_km(*start, *to)


def price_visit(visit) -> Pricing | None:
    """What `visit` costs, line by line and payer by payer; None when the customer's country
    has no billing company."""
    request = visit.request
    customer = request.customer
    company = tariffs.company_for(customer.country)
    if company is None:
        return None
    day = job_day(request)
    language = customer.preferred_language or "fa"
    pricing = Pricing(
        company=company,
        currency=company.currency,
        language=language,
        priced_on=day,
        region=job_region(request),
        tax_percent=tariffs.tax_percent(country=company.country, on=day),
    )
    with translation.override(language):
        quote = (
            request.quotes.filter(status=QuoteStatus.ACCEPTED, currency=company.currency)
            .order_by("-decided_at", "-pk")
            .first()
        )
        if quote is not None:
            pricing.quote = quote
            for line in quote.lines.all():
                pricing.lines.append(
                    PricedLine(
                        kind=line.kind,
                        description=line.description,
                        quantity=line.quantity,
                        unit_price=line.unit_price,
                        part_id=line.part_id,
                        note=_("As quoted in %(number)s.") % {"number": quote.number},
                    )
                )
        else:
            _tariff_lines(visit, pricing)
        _split_by_warranty(request, pricing, covered=quote is None)
    return pricing


def _tariff_lines(visit, pricing: Pricing) -> None:
    request = visit.request
    country = pricing.company.country
    day = pricing.priced_on
    unit = request.unit
    product_model = unit.product_model if unit is not None else None
    fixed = None
    if product_model is not None:
        fixed = tariffs.fixed_price(
            country=country,
            service_type=request.service_type_id,
            product_model=product_model.pk,
            on=day,
        )
    if fixed is not None:
        pricing.lines.append(
            PricedLine(
                kind=LineKind.FIXED,
                description=_("%(service)s of %(model)s (fixed price)")
                % {"service": request.service_type.name, "model": product_model.name},
                quantity=Decimal(1),
                unit_price=fixed.amount,
            )
        )
    else:
        _labour_and_travel(visit, pricing, product_model)
    for used in visit.parts.select_related("part"):
        amount = tariffs.part_price(part=used.part_id, currency=pricing.currency, on=day)
        line = PricedLine(
            kind=LineKind.PART,
            description=f"{used.part.sku} · {used.part.name}",
            quantity=Decimal(used.quantity),
            unit_price=amount,
            part_id=used.part_id,
        )
        if amount is None:
            pricing.missing.append(
                _("The part %(sku)s has no customer price in %(currency)s.")
                % {"sku": used.part.sku, "currency": pricing.currency}
            )
        pricing.lines.append(line)


def _labour_and_travel(visit, pricing: Pricing, product_model) -> None:
    request = visit.request
    country = pricing.company.country
    rate = tariffs.labour_rate(
        country=country,
        service_type=request.service_type_id,
        category=product_model.category_id if product_model is not None else None,
        region=pricing.region,
        on=pricing.priced_on,
    )
    if visit.labour_minutes or rate is not None:
        minutes = max(visit.labour_minutes, rate.minimum_minutes if rate else 0)
        hours = (Decimal(minutes) / SIXTY).quantize(Decimal("0.01"))
        pricing.lines.append(
            PricedLine(
                kind=LineKind.LABOUR,
                description=_("Labour: %(service)s, %(minutes)s minutes")
                % {"service": request.service_type.name, "minutes": show_number(minutes)},
                quantity=hours,
                unit_price=rate.hourly_rate if rate else None,
                rate=rate,
            )
        )
        if rate is None:
            pricing.missing.append(_("No labour rate applies to this job."))
    if visit.workshop_jobs.exists():
        return  # bench work in a workshop (aftersales.workshop): nobody travelled
    km = _distance(visit)
    zone = tariffs.travel_zone(country=country, km=km, on=pricing.priced_on)
    if zone is not None:
        if km is None:
            text = _("Travel: %(zone)s (distance not known)") % {"zone": zone.name}
        else:
            text = _("Travel: %(zone)s, %(km)s km") % {"zone": zone.name, "km": show_number(km)}
        pricing.lines.append(
            PricedLine(
                kind=LineKind.TRAVEL,
                description=text,
                quantity=Decimal(1),
                unit_price=zone.fee,
            )
        )
    elif km is not None and tariffs.travel_zone(country=country, km=None, on=pricing.priced_on):
        pricing.missing.append(
            _("The customer is %(km)s km away, beyond every travel zone.") % {"km": show_number(km)}
        )


def _coverage_line(line: PricedLine) -> Line | None:
    if line.kind == LineKind.PART and line.part_id:
        return Line.part(line.part_id)
    if line.kind in (LineKind.LABOUR, LineKind.FIXED):
        return Line.labour()
    if line.kind == LineKind.TRAVEL:
        return Line.travel()
    return None


def _split_by_warranty(request, pricing: Pricing, *, covered: bool) -> None:
    """Round every line, then split it between the warranty's payer and the customer."""
    decision = None
    wanted = [_coverage_line(line) for line in pricing.lines]
    if request.unit_id and any(wanted):
        unique = list(dict.fromkeys(line for line in wanted if line is not None))
        decision = coverage_for(unit=request.unit, on=request.opened_at, lines=unique)
    split: list[PricedLine] = []
    for line, asked in zip(pricing.lines, wanted, strict=True):
        if decision is not None and asked is not None and line.kind == LineKind.LABOUR:
            _commitment_rate(line, decision.line(asked.kind, asked.part_id))
        unit_price = line.unit_price or Decimal(0)
        line.net = quantize(unit_price * line.quantity, pricing.currency)
        if decision is None or asked is None or not covered:
            split.append(line)
            continue
        verdict = decision.line(asked.kind, asked.part_id)
        line.rule = verdict.rule
        pct = verdict.covered_pct
        if pct <= 0:
            line.note = verdict.reason[:300]
            split.append(line)
            continue
        covered_net = quantize(line.net * pct / HUNDRED, pricing.currency)
        payer = PAYERS.get(verdict.payer, Payer.MANUFACTURER)
        split.append(
            PricedLine(
                kind=line.kind,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                part_id=line.part_id,
                share_percent=pct,
                payer=payer,
                rule=verdict.rule,
                note=verdict.reason[:300],
                net=covered_net,
            )
        )
        if pct < HUNDRED:
            line.share_percent = HUNDRED - pct
            line.net = line.net - covered_net
            line.note = _("The customer's share.")
            split.append(line)
    pricing.lines = split


def _commitment_rate(line: PricedLine, verdict) -> None:
    """In the legal commitment period the labour rate is the commitment-period rate."""
    rate = line.rate
    if verdict.rule == "commitment" and rate is not None and rate.commitment_rate is not None:
        line.unit_price = rate.commitment_rate
        line.description = _("%(line)s, at the commitment-period rate") % {"line": line.description}
