"""factory_boy factories for test data. Real rows in the real test database."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from aftersales.agents.models import Agent
from aftersales.catalog.models import Category, FailureCode, Part, ProductModel
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.customers.models import Address, Customer, Phone
from aftersales.units.models import Unit
from aftersales.workforce.models import Technician

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    role = Role.OPERATOR
    password = factory.django.Password(PASSWORD)


class AgentFactory(DjangoModelFactory):
    class Meta:
        model = Agent

    code = factory.Sequence(lambda n: f"AG{n:03d}")
    name = factory.Sequence(lambda n: f"Agent {n}")
    city = "Tehran"


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"cat-{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_fa = "دسته"
    name_it = "Categoria"
    peak_months = [6, 7, 8]


class ProductModelFactory(DjangoModelFactory):
    class Meta:
        model = ProductModel

    code = factory.Sequence(lambda n: f"M{n:04d}")
    name = factory.Sequence(lambda n: f"Model {n}")
    category = factory.SubFactory(CategoryFactory)
    launch_date = dt.date(2022, 1, 1)


class PartFactory(DjangoModelFactory):
    class Meta:
        model = Part

    sku = factory.Sequence(lambda n: f"P-{n:05d}")
    name = factory.Sequence(lambda n: f"Part {n}")


class FailureCodeFactory(DjangoModelFactory):
    class Meta:
        model = FailureCode

    code = factory.Sequence(lambda n: f"S{n:03d}")
    level = "symptom"
    name_en = factory.Sequence(lambda n: f"Symptom {n}")


class CustomerFactory(DjangoModelFactory):
    class Meta:
        model = Customer

    first_name = factory.Sequence(lambda n: f"Name{n}")
    last_name = factory.Sequence(lambda n: f"Surname{n}")


class PhoneFactory(DjangoModelFactory):
    class Meta:
        model = Phone

    customer = factory.SubFactory(CustomerFactory)
    number = factory.Sequence(lambda n: f"+98912{n:07d}")
    is_primary = True


class AddressFactory(DjangoModelFactory):
    class Meta:
        model = Address

    customer = factory.SubFactory(CustomerFactory)
    region = "Tehran"
    city = "Tehran"
    line = factory.Sequence(lambda n: f"{n} Valiasr St")


class TechnicianFactory(DjangoModelFactory):
    class Meta:
        model = Technician

    first_name = "Reza"
    last_name = factory.Sequence(lambda n: f"Tech{n}")


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    product_model = factory.SubFactory(ProductModelFactory)
    serial = factory.Sequence(lambda n: f"SN{n:08d}")
    owner = factory.SubFactory(CustomerFactory)
    sale_date = dt.date(2025, 5, 1)
