"""What the catalogue API answers."""

import datetime as dt
from decimal import Decimal

from ninja import Schema


class CategoryOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    name_fa: str
    name_it: str
    peak_months: list[int]
    peak_weight: Decimal


class ProductModelOut(Schema):
    id: int
    code: str
    name: str
    category_id: int
    category_code: str
    launch_date: dt.date | None
    end_of_production: dt.date | None
    usage_meter: str
    has_manual: bool
    is_active: bool

    @staticmethod
    def resolve_category_code(obj) -> str:
        return obj.category.code

    @staticmethod
    def resolve_has_manual(obj) -> bool:
        return bool(obj.manual)


class PartOut(Schema):
    id: int
    sku: str
    name: str
    description: str
    compatible_models: list[str]
    superseded_by: str | None
    current_sku: str
    is_active: bool

    @staticmethod
    def resolve_compatible_models(obj) -> list[str]:
        return [model.code for model in obj.compatible_models.all()]

    @staticmethod
    def resolve_superseded_by(obj) -> str | None:
        return obj.superseded_by.sku if obj.superseded_by_id else None

    @staticmethod
    def resolve_current_sku(obj) -> str:
        return obj.current().sku


class FailureCodeOut(Schema):
    id: int
    code: str
    level: str
    name: str
    name_en: str
    name_fa: str
    name_it: str
    categories: list[str]
    is_active: bool

    @staticmethod
    def resolve_categories(obj) -> list[str]:
        return [category.code for category in obj.categories.all()]
