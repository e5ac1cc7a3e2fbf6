"""The quality engineer narrows the corrective actions to the ones they own."""

import pytest

from aftersales.core.choices import Role
from aftersales.quality import services
from aftersales.quality.choices import CapaSource

pytestmark = pytest.mark.django_db


def _open(by, title, owner):
    return services.capa_open(
        by=by, title=title, source=CapaSource.OTHER, problem="A problem.", owner=owner
    )


def test_mine_lists_the_actions_i_own(login, quality, make_user):
    colleague = make_user(Role.MANAGER, username="boss")
    mine = _open(quality, "Seal leaks", quality)
    theirs = _open(quality, "Door hinge", colleague)
    client = login(quality)
    html = client.get("/quality/actions/", {"mine": "on"}).content.decode()
    assert mine.number in html and theirs.number not in html
    html = client.get("/quality/actions/").content.decode()
    assert mine.number in html and theirs.number in html
