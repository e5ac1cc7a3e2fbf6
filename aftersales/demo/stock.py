"""Demo stock: the central and a regional warehouse, each agent's store and each technician's
van, filled through the real ledger services (receipts, a transfer, a few issues to jobs)."""

import random

from aftersales.agents.models import Agent
from aftersales.catalog.models import Part
from aftersales.parts import services
from aftersales.parts.choices import WarehouseKind
from aftersales.workforce.models import Technician


def load_stock(*, seed: int = 7) -> dict[str, int]:
    """Warehouses and opening stock; returns counts. Call inside the demo's transaction."""
    rng = random.Random(seed)
    parts = list(Part.objects.filter(is_active=True, superseded_by__isnull=True).order_by("sku"))
    central = services.warehouse_create(
        by=None,
        code="CEN",
        name="Central after-sales warehouse (Tehran)",
        kind=WarehouseKind.CENTRAL,
        region="Tehran",
    )
    regional = services.warehouse_create(
        by=None,
        code="REG-IT",
        name="Magazzino regionale Italia (Milano)",
        kind=WarehouseKind.REGIONAL,
        region="Lombardia",
    )
    stores = [
        services.warehouse_create(
            by=None,
            code=f"W-{agent.code}",
            name=agent.name,
            kind=WarehouseKind.AGENT,
            agent=agent,
            region=agent.region,
        )
        for agent in Agent.objects.order_by("code")
    ]
    vans = [
        services.warehouse_create(
            by=None,
            code=f"VAN-{technician.pk}",
            name=str(technician),
            kind=WarehouseKind.VAN,
            technician=technician,
            region=technician.agent.region if technician.agent else "",
        )
        for technician in Technician.objects.select_related("agent").order_by("pk")
    ]
    receipts = 0
    for index, part in enumerate(parts):
        quantity = rng.randint(4, 60)
        services.stock_receive(
            warehouse=central,
            part=part,
            quantity=quantity,
            document_number=f"PO-2026-{index // 25 + 1:04d}",
            by=None,
        )
        services.stock_level_plan(
            warehouse=central, part=part, min_stock=5, reorder_point=10, max_stock=60, by=None
        )
        receipts += 1
    for store in [regional, *stores]:
        for part in rng.sample(parts, k=min(30, len(parts))):
            services.stock_receive(
                warehouse=store,
                part=part,
                quantity=rng.randint(2, 12),
                document_number=f"PO-{store.code}-0001",
                by=None,
            )
            receipts += 1
    for van in vans:
        for part in rng.sample(parts, k=min(8, len(parts))):
            services.stock_receive(
                warehouse=van,
                part=part,
                quantity=rng.randint(1, 3),
                document_number=f"LOAD-{van.code}",
                by=None,
                note="Van loaded at the start",
            )
            receipts += 1
    issued = 0
    for store in stores:
        for number, level in enumerate(store.levels.filter(on_hand__gte=3)[:5], start=1):
            services.stock_issue(
                warehouse=store,
                part=level.part,
                quantity=1,
                document_number=f"JOB-{store.code}-{number:03d}",
                by=None,
            )
            issued += 1
    services.stock_transfer(
        source=central,
        destination=regional,
        part=parts[0],
        quantity=2,
        by=None,
        note="Demo: on its way to Milano",
    )
    return {
        "warehouses": 2 + len(stores) + len(vans),
        "receipts": receipts,
        "issues": issued,
    }
