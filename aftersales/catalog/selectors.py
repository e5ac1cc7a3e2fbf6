"""Reads on the catalogue that are more than one filter."""

from django.db.models import QuerySet

from aftersales.core.models import User
from aftersales.core.search import contains_any

from .models import Category, FailureCode, Part, PartPrice, ProductModel


def category_search(queryset: QuerySet[Category], query: str) -> QuerySet[Category]:
    return contains_any(queryset, query, ("code", "name_en", "name_fa", "name_it"))


def product_model_search(queryset: QuerySet[ProductModel], query: str) -> QuerySet[ProductModel]:
    return contains_any(queryset, query, ("code", "name"))


def part_search(queryset: QuerySet[Part], query: str) -> QuerySet[Part]:
    return contains_any(queryset, query, ("sku", "name", "description"))


def failure_code_search(queryset: QuerySet[FailureCode], query: str) -> QuerySet[FailureCode]:
    return contains_any(queryset, query, ("code", "name_en", "name_fa", "name_it"))


def part_successors(*, user: User, part: Part) -> list[Part]:
    """The parts that replace `part`, in order, up to the one in use today."""
    visible = Part.objects.restrict(user, "view")
    chain, seen = [], {part.pk}
    next_pk = part.superseded_by_id
    while next_pk and next_pk not in seen:
        successor = visible.filter(pk=next_pk).first()
        if successor is None:
            break
        chain.append(successor)
        seen.add(successor.pk)
        next_pk = successor.superseded_by_id
    return chain


def part_predecessors(*, user: User, part: Part) -> list[Part]:
    """Every older part that `part` replaces, directly or through others, nearest first."""
    visible = Part.objects.restrict(user, "view")
    found, seen, frontier = [], {part.pk}, [part.pk]
    while frontier:
        older = list(visible.filter(superseded_by__in=frontier).exclude(pk__in=seen))
        found.extend(older)
        seen.update(p.pk for p in older)
        frontier = [p.pk for p in older]
    return found


def part_prices(*, user: User, part: Part) -> QuerySet[PartPrice]:
    return PartPrice.objects.restrict(user, "view").filter(part=part)
