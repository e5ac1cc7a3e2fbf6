"""The demo surveys and complaints load on a small installed base, deterministically."""

import pytest

from aftersales.complaints.demo import load_demo as complaints_demo
from aftersales.complaints.models import Complaint
from aftersales.core.choices import Role
from aftersales.surveys.demo import load_demo as surveys_demo
from aftersales.surveys.models import Invitation, Response
from tests.factories import TechnicianFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_the_demo_loads(make_user, agent):
    make_user(Role.OPERATOR, username="operator")
    make_user(Role.QUALITY, username="quality")
    TechnicianFactory(agent=agent)
    for _ in range(12):
        UnitFactory(service_agent=agent)
    assert "complaints" in complaints_demo()
    assert Complaint.objects.filter(stage="closed").count() == 30
    assert "surveys" in surveys_demo()
    assert Invitation.objects.filter(complaint__isnull=True).count() == 12
    assert Response.objects.exists()
    assert surveys_demo() == "surveys: already loaded"
