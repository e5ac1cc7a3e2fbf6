"""`load_demo` gives one working login per role, the demo customer, and runs only once."""

import pytest
from django.core.management import call_command
from django.test import Client

from aftersales.agents.models import Agent
from aftersales.billing.models import BankStatement
from aftersales.billing.selectors import invoice_balance
from aftersales.catalog.models import FailureCode, Part, ProductModel
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.customers.models import Customer
from aftersales.demo.management.commands.load_demo import DEMO_SERIAL, LOGINS
from aftersales.units.models import Unit
from aftersales.units.selectors import units_find
from aftersales.workforce.models import Technician

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Ten logins with the real PBKDF2 take seconds; the hasher is not what is tested here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (User, Customer, Unit, Agent, Technician, ProductModel, Part, FailureCode)
    }


def test_every_role_has_a_login_with_password_demo():
    call_command("load_demo")
    assert {user.role for user in User.objects.filter(username__in=LOGINS)} == set(Role.values)
    for username in LOGINS:
        assert Client().login(username=username, password="demo"), username


def test_the_logins_are_linked_to_what_their_role_needs():
    call_command("load_demo")
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.role == Role.ADMIN
    technician = User.objects.get(username="technician")
    assert technician.technician.agent is None  # one of the maker's own technicians
    agent = User.objects.get(username="agent")
    assert agent.agent.code == "AG-THR"
    customer = User.objects.get(username="customer").customer
    assert customer.units.count() >= 2
    assert customer.units.filter(serial=DEMO_SERIAL, service_agent=agent.agent).exists()
    earned = customer.club_entries.filter(event="registration").count()
    assert earned == customer.units.count()  # club points for each registered product
    assert customer.club_entries.filter(event="adjustment", points=-50).exists()


def test_the_reference_data_is_loaded():
    call_command("load_demo")
    assert ProductModel.objects.count() == 20
    assert set(ProductModel.objects.values_list("category__code", flat=True)) == {"ac", "wm", "dw"}
    assert Part.objects.count() >= 190
    assert Part.objects.filter(superseded_by__isnull=False).exists()
    assert Agent.objects.filter(status="active").count() == 5  # + the agents demo's candidates
    assert Technician.objects.count() == 16  # 15 + the workforce demo's trainee
    assert set(FailureCode.objects.values_list("level", flat=True)) == {
        "symptom",
        "defect",
        "repair",
    }
    assert Customer.objects.count() == 2_000 + 1
    assert Unit.objects.count() == 5_000 + 2


def test_a_second_run_creates_nothing():
    call_command("load_demo")
    before = _counts()
    call_command("load_demo")
    assert _counts() == before


def test_the_demo_customers_unit_is_found_by_serial():
    call_command("load_demo")
    operator = User.objects.get(username="operator")
    customer = User.objects.get(username="customer")
    for user in (operator, customer):
        found = list(units_find(user=user, query="ac-demo-0001"))
        assert [unit.serial for unit in found] == [DEMO_SERIAL]


def test_the_demo_has_stock_in_every_warehouse_and_the_technician_a_van():
    from aftersales.parts.models import StockLevel, StockMove, Warehouse

    call_command("load_demo")
    technician = User.objects.get(username="technician")
    van = Warehouse.objects.get(technician__user=technician)
    assert StockLevel.objects.filter(warehouse=van, on_hand__gt=0).exists()
    assert Warehouse.objects.filter(kind="central").count() == 1
    for level in StockLevel.objects.all()[:50]:
        moved = sum(
            m.quantity
            for m in StockMove.objects.filter(
                warehouse=level.warehouse, part=level.part, kind="receipt"
            )
        )
        assert level.on_hand <= moved


def test_the_technician_and_the_customer_have_work_to_follow():
    call_command("load_demo")
    technician = Client()
    technician.login(username="technician", password="demo")
    page = technician.get("/service/visits/today/").content.decode()
    visits = Technician.objects.get(user__username="technician").visits.order_by("window_start")
    serials = [visit.request.unit.serial for visit in visits]
    assert len(serials) == 3
    assert [page.index(serial) for serial in serials] == sorted(page.index(s) for s in serials)

    customer = User.objects.get(username="customer").customer
    requests = customer.service_requests
    assert requests.filter(status="scheduled").exists()  # a visit booked, at her home today
    done = requests.get(status="resolved")
    assert done.visits.get().checklist and done.invoices.exists()
    portal = Client()
    portal.login(username="customer", password="demo")
    assert done.number in portal.get("/service/my/").content.decode()


def test_finance_has_a_bank_statement_to_record():
    call_command("load_demo")
    finance = Client()
    finance.login(username="finance", password="demo")
    statement = BankStatement.objects.get()
    page = finance.get(statement.get_absolute_url()).content.decode()
    assert 'id="pick-1"' in page and 'id="pick-2"' not in page  # one names its fattura
    assert finance.post(statement.get_absolute_url(), {"credit": ["1"]}).status_code == 302
    assert invoice_balance(statement.payments.get().invoice) == 0
