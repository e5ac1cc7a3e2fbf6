"""The workforce demo loads once, quickly, and tells the story: an expired certificate keeps
the trainee out of air-conditioner work until the refresher's certificate is issued."""

import time

from aftersales.core.choices import Role
from aftersales.workforce import demo, services
from aftersales.workforce.models import Asset, Attendance, Certification, Handover, Technician
from aftersales.workforce.selectors import qualified
from tests.factories import CustomerFactory, TechnicianFactory
from tests.service.factories import service_type


def test_the_demo_loads_once_and_the_trainee_is_refused_until_certified(
    make_user, cooling, service_data, today
):
    manager = make_user(Role.MANAGER, username="manager")
    make_user(Role.WAREHOUSE, username="warehouse")
    for index in range(4):
        TechnicianFactory(last_name=f"Cool{index}").categories.set([cooling])
    CustomerFactory.create_batch(3)
    started = time.monotonic()
    line = demo.load_demo()
    assert time.monotonic() - started < 15
    assert line.startswith("workforce: 2 qualifications, 5 F-gas certificates (1 expired)")
    assert demo.load_demo() == "workforce: already loaded"
    assert Asset.objects.count() == 9 and Handover.objects.filter(returned_at__isnull=True).exists()
    states = sorted(str(v.service_due(today)) for v in Asset.objects.filter(kind="vehicle"))
    assert states == ["ok", "overdue", "soon"]
    trainee = Technician.objects.get(last_name="Shakeri")
    work = {"category": cooling, "service_type": service_type("repair"), "on": today}
    assert trainee not in qualified(Technician.objects.all(), **work)
    waiting = Attendance.objects.get(technician=trainee)
    services.attendance_certify(attendance=waiting, by=manager)
    assert trainee in qualified(Technician.objects.all(), **work)
    assert Certification.objects.filter(technician=trainee).count() == 1
