from aftersales.catalog.models import Part
from tests.factories import PartFactory


def _data(part, **changes):
    data = {"sku": part.sku, "name": part.name, "description": "", "is_active": "on"}
    data.update(changes)
    return data


def test_a_supersession_that_goes_round_in_a_circle_is_refused(manager, login):
    newest = PartFactory(sku="V3")
    middle = PartFactory(sku="V2", superseded_by=newest)
    PartFactory(sku="V1", superseded_by=middle)
    response = login(manager).post(
        f"/catalog/parts/{newest.pk}/edit/", _data(newest, superseded_by=middle.pk)
    )
    assert response.status_code == 400
    assert "Supersession cannot go round in a circle." in response.content.decode()
    newest.refresh_from_db()
    assert newest.superseded_by is None


def test_a_part_cannot_be_offered_as_its_own_successor(manager, login):
    part = PartFactory(sku="SELF-1")
    form = login(manager).get(f"/catalog/parts/{part.pk}/edit/").content.decode()
    assert f'<option value="{part.pk}"' not in form


def test_a_part_page_shows_the_chain_both_ways(operator, login):
    newest = PartFactory(sku="V3")
    middle = PartFactory(sku="V2", superseded_by=newest)
    oldest = PartFactory(sku="V1", superseded_by=middle)
    sibling = PartFactory(sku="V1B", superseded_by=middle)
    client = login(operator)

    page = client.get(f"/catalog/parts/{oldest.pk}/").content.decode()
    successors = page.split('id="successors">')[1].split("</div>")[0]
    assert successors.index("V2") < successors.index("V3")
    assert 'id="superseded-note"' in page

    page = client.get(f"/catalog/parts/{newest.pk}/").content.decode()
    predecessors = page.split('id="predecessors">')[1].split("</div>")[0]
    for sku in ("V2", "V1", "V1B"):
        assert f">{sku}<" in predecessors
    assert "Nothing: this part is current." in page
    assert sibling.current() == newest


def test_setting_a_successor_through_the_form_saves_it(manager, login):
    new = PartFactory(sku="NEW-1")
    old = PartFactory(sku="OLD-1")
    response = login(manager).post(
        f"/catalog/parts/{old.pk}/edit/", _data(old, superseded_by=new.pk)
    )
    assert response.status_code == 302
    assert Part.objects.get(pk=old.pk).superseded_by == new
