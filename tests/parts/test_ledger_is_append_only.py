"""A stock move can be neither changed nor deleted: a mistake is corrected by another move."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from aftersales.parts.models import StockLevel, StockMove

pytestmark = pytest.mark.django_db


@pytest.fixture
def move(central, part, receive):
    return receive(central, part, 3)


def test_a_move_cannot_be_saved_again(move):
    move.quantity = 30
    with pytest.raises(TypeError):
        move.save()


def test_a_move_cannot_be_deleted(move):
    with pytest.raises(TypeError):
        move.delete()
    with pytest.raises(TypeError):
        StockMove.objects.filter(pk=move.pk).delete()


def test_moves_cannot_be_updated_in_bulk(move):
    with pytest.raises(TypeError):
        StockMove.objects.filter(pk=move.pk).update(quantity=30)


def test_the_database_refuses_to_change_a_move(move):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE parts_stockmove SET quantity = 30 WHERE id = %s", [move.pk])
    assert StockMove.objects.get(pk=move.pk).quantity == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a DELETE trigger on PostgreSQL")
def test_postgresql_refuses_to_delete_a_move(move):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM parts_stockmove WHERE id = %s", [move.pk])


def test_the_database_refuses_negative_or_over_reserved_levels(move):
    level = StockLevel.objects.get()
    for values in ({"on_hand": -1}, {"reserved": -1}, {"reserved": 4}, {"defective": -1}):
        with pytest.raises(IntegrityError), transaction.atomic():
            StockLevel.objects.filter(pk=level.pk).update(**values)
    level.refresh_from_db()
    assert (level.on_hand, level.reserved) == (3, 0)
