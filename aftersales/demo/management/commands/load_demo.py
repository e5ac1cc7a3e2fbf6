"""`manage.py load_demo`: the demo catalogue, agents, 2,000 customers, 5,000 units and logins.

Idempotent: when the demo customer's unit is already there it does nothing. Every login's
password is `demo` (see docs/demo.md); never run this on a production database.
"""

import datetime as dt
import importlib
import importlib.util
import random
from decimal import Decimal

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.customers.services import customer_create, customer_link_user
from aftersales.demo import data
from aftersales.demo.generate import generate
from aftersales.demo.reference import Reference, load_reference, reference_loaded
from aftersales.demo.stock import load_stock
from aftersales.units.models import Unit
from aftersales.units.services import meter_reading_add, unit_create
from aftersales.workforce.models import Technician

PASSWORD = "demo"
DEMO_SERIAL = "AC-DEMO-0001"
CUSTOMERS = 2_000
UNITS = 5_000
SEED = 1
# username: (role, first name, last name)
LOGINS = {
    "admin": (Role.ADMIN, "Ada", "Admin"),
    "manager": (Role.MANAGER, "Parisa", "Ahmadi"),
    "operator": (Role.OPERATOR, "Nima", "Rahimi"),
    "dispatcher": (Role.DISPATCHER, "Leila", "Hosseini"),
    "technician": (Role.TECHNICIAN, "", ""),  # named after the maker's first technician
    "agent": (Role.AGENT, "Kamran", "Moradi"),
    "warehouse": (Role.WAREHOUSE, "Behzad", "Jafari"),
    "finance": (Role.FINANCE, "Giulia", "Conti"),
    "quality": (Role.QUALITY, "Marco", "Bianchi"),
    "customer": (Role.CUSTOMER, "سارا", "کریمی"),
}


def load_app_demos() -> list[str]:
    """Each app's own demo records: `aftersales/<app>/demo.py` with `load_demo() -> str`.

    Called after the catalogue, customers, units, logins and stock exist, in INSTALLED_APPS order.
    """
    lines = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("aftersales.") and importlib.util.find_spec(name) is not None:
            module = importlib.import_module(name)
            if hasattr(module, "load_demo"):
                lines.append(module.load_demo())
    return lines


def demo_loaded() -> bool:
    return reference_loaded() and Unit.objects.filter(serial=DEMO_SERIAL).exists()


class Command(BaseCommand):
    help = "Load the demo data and one login per role (password: demo), unless already loaded."

    def handle(self, *args, **options):
        if demo_loaded():
            self.stdout.write("The demo data is already loaded.")
            return
        with transaction.atomic():
            ref = load_reference()
            counts = generate(CUSTOMERS, UNITS, SEED)
            created = self._logins(ref)
            customer = self._demo_customer(ref)
            stock = load_stock()
            login = User.objects.filter(username="customer", customer__isnull=True).first()
            if login and login.role == Role.CUSTOMER:
                customer_link_user(customer=customer, user=login)
            extras = [line for line in load_app_demos() if line]
        self.stdout.write(f"Loaded {counts['customers']} customers and {counts['units']} units.")
        self.stdout.write(f"Stock: {stock['warehouses']} warehouses, {stock['receipts']} receipts.")
        for line in extras:
            self.stdout.write(line)
        if created:
            self.stdout.write(f"Logins (password “{PASSWORD}”): {', '.join(created)}")

    def _demo_customer(self, ref: Reference):
        """A Tehran customer who owns the air conditioner AC-DEMO-0001 and a washing machine."""
        customer = customer_create(
            by=None,
            first_name="سارا",
            last_name="کریمی",
            country="IR",
            national_id=data.iran_national_code(random.Random(2026)),
            email="sara.karimi@example.com",
            preferred_language="fa",
            consent_sms=True,
            phones=["+989121112233"],
            address={
                "label": "منزل",
                "country": "IR",
                "region": "تهران",
                "city": "تهران",
                "line": "خیابان شریعتی، کوچه یاس، پلاک ۱۲، واحد ۳",
                "postal_code": "1913733311",
                "latitude": Decimal("35.771200"),
                "longitude": Decimal("51.437800"),
            },
        )
        address = customer.addresses.get()
        agent = ref.agents["AG-THR"]
        installer = Technician.objects.filter(agent=agent).order_by("pk").first()
        common = {"owner": customer, "service_agent": agent, "installation_address": address}
        air_conditioner = unit_create(
            by=None,
            product_model=ref.models["AC-12I"],
            serial=DEMO_SERIAL,
            production_date=dt.date(2025, 3, 10),
            batch="AC12I-2503-1",
            sale_date=dt.date(2025, 5, 20),
            dealer=data.DEALERS["IR"][0],
            sale_invoice="F25-004211",
            sale_price=Decimal("545000000"),
            sale_currency="IRR",
            installation_date=dt.date(2025, 5, 24),
            installer=installer,
            **common,
        )
        reader = installer and installer.user or User.objects.filter(username="technician").first()
        if reader:  # a reading must say who took it
            meter_reading_add(
                unit=air_conditioner,
                value=Decimal("1450.0"),
                by=reader,
                at=dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.UTC),
            )
        unit_create(
            by=None,
            product_model=ref.models["WM-F8"],
            serial="WM-DEMO-0002",
            production_date=dt.date(2024, 9, 2),
            batch="WMF8-2409-2",
            sale_date=dt.date(2024, 11, 5),
            dealer=data.DEALERS["IR"][1],
            sale_invoice="F24-118734",
            sale_price=Decimal("312000000"),
            sale_currency="IRR",
            installation_date=dt.date(2024, 11, 6),
            **common,
        )
        return customer

    def _logins(self, ref: Reference) -> list[str]:
        password = make_password(PASSWORD)  # hashed once: ten hashes would take seconds
        technician = Technician.objects.filter(agent=None, phone=data.TECHNICIANS[0][2]).first()
        existing = set(User.objects.filter(username__in=LOGINS).values_list("username", flat=True))
        created = []
        for username, (role, first, last) in LOGINS.items():
            if username in existing:
                continue  # never reset the password of a login someone already has
            if role == Role.TECHNICIAN and technician:
                first, last = technician.first_name, technician.last_name
            user = User.objects.create(
                username=username,
                password=password,
                role=role,
                first_name=first,
                last_name=last,
                email=f"{username}@example.com",
                is_staff=role == Role.ADMIN,
                is_superuser=role == Role.ADMIN,
                agent=ref.agents["AG-THR"] if role == Role.AGENT else None,
            )
            if role == Role.TECHNICIAN and technician:
                technician.user = user
                technician.save(update_fields=["user"])
            created.append(username)
        return created
