"""Loads the maker's reference data (catalogue, failure codes, agents, technicians) once."""

from dataclasses import dataclass, field

from django.db import transaction

from aftersales.agents.models import Agent
from aftersales.catalog.models import Category, FailureCode, Part, PartPrice, ProductModel
from aftersales.workforce.models import Technician

from . import data


@dataclass
class Reference:
    """What the generators need to know about the reference rows, by code."""

    categories: dict[str, Category] = field(default_factory=dict)
    models: dict[str, ProductModel] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    # Technicians by agent code ("" for the maker's own): [(pk, {category codes})]
    technicians: dict[str, list[tuple[int, frozenset[str]]]] = field(default_factory=dict)


def reference_loaded() -> bool:
    return Agent.objects.filter(code__in=data.DEMO_AGENT_CODES).count() == len(
        data.DEMO_AGENT_CODES
    )


@transaction.atomic
def load_reference() -> Reference:
    """Create whatever reference rows are missing (matched by code) and return them all."""
    ref = Reference()
    for row in data.CATEGORIES:
        ref.categories[row["code"]], _ = Category.objects.get_or_create(
            code=row["code"], defaults={k: v for k, v in row.items() if k != "code"}
        )
    for model in data.PRODUCT_MODELS:
        ref.models[model.code], _ = ProductModel.objects.get_or_create(
            code=model.code,
            defaults={
                "name": model.name,
                "category": ref.categories[model.category],
                "launch_date": model.launch,
                "end_of_production": model.end,
                "usage_meter": data.USAGE_METERS[model.category],
                "is_active": model.end is None,
            },
        )
    _load_parts(ref)
    _load_failure_codes(ref)
    for row in data.AGENTS:
        ref.agents[row["code"]], _ = Agent.objects.get_or_create(
            code=row["code"], defaults={k: v for k, v in row.items() if k != "code"}
        )
    _load_technicians(ref)
    return ref


def _load_parts(ref: Reference) -> None:
    existing = set(Part.objects.values_list("sku", flat=True))
    wanted = [part for part in data.parts() if part.sku not in existing]
    if not wanted:
        return
    created = {}
    # Newer revisions first, so that the older part can point to its successor.
    for part in sorted(wanted, key=lambda p: p.superseded_by is not None):
        successor = None
        if part.superseded_by:
            successor = (
                created.get(part.superseded_by)
                or Part.objects.filter(sku=part.superseded_by).first()
            )
        obj = Part.objects.create(
            sku=part.sku,
            name=part.name,
            superseded_by=successor,
            description=f"{data.MAKER} original spare part.",
        )
        obj.compatible_models.set([ref.models[code] for code in part.models])
        created[part.sku] = obj
    PartPrice.objects.bulk_create(
        [
            PartPrice(
                part=created[part.sku],
                price_list=price_list,
                currency=currency,
                amount=amount,
                valid_from=valid_from,
            )
            for part in wanted
            for price_list, currency, amount, valid_from in data.part_prices(part.eur)
        ]
    )


def _load_failure_codes(ref: Reference) -> None:
    existing = set(FailureCode.objects.values_list("code", flat=True))
    for code, level, categories, en, fa, it in data.FAILURE_CODES:
        if code in existing:
            continue
        obj = FailureCode.objects.create(code=code, level=level, name_en=en, name_fa=fa, name_it=it)
        obj.categories.set([ref.categories[c] for c in categories.split()])


def _load_technicians(ref: Reference) -> None:
    existing = {t.phone: t for t in Technician.objects.filter(phone__startswith="+")}
    for first, last, phone, agent_code, categories in data.TECHNICIANS:
        technician = existing.get(phone)
        if technician is None:
            technician = Technician.objects.create(
                first_name=first,
                last_name=last,
                phone=phone,
                agent=ref.agents[agent_code] if agent_code else None,
            )
            technician.categories.set([ref.categories[c] for c in categories.split()])
        ref.technicians.setdefault(agent_code or "", []).append(
            (technician.pk, frozenset(categories.split()))
        )
