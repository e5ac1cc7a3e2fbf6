import pytest

from aftersales.core.choices import Role
from aftersales.knowledge import services
from tests.factories import CategoryFactory, FailureCodeFactory, ProductModelFactory


@pytest.fixture
def quality(make_user):
    return make_user(Role.QUALITY, username="quality")


@pytest.fixture
def washers(db):
    return CategoryFactory(code="wm", name_en="Washing machines", name_fa="لباسشویی")


@pytest.fixture
def washer_model(washers):
    return ProductModelFactory(code="WM-F8", name="Aqua 8", category=washers)


@pytest.fixture
def does_not_drain(washers):
    return FailureCodeFactory(code="S08", name_en="Does not drain", name_fa="تخلیه نمی‌کند")


@pytest.fixture
def noise(washers):
    return FailureCodeFactory(code="S05", name_en="Unusual noise")


@pytest.fixture
def write(quality):
    """Write an article (and publish it unless `publish=False`) as the quality engineer."""

    def make(title="Clean the drain filter", *, publish=True, audience="internal", **kwargs):
        kwargs.setdefault("body_en", "1. Unplug it.\n2. Open the filter door.")
        article = services.article_create(by=quality, title_en=title, audience=audience, **kwargs)
        if publish:
            article = services.article_publish(article=article, by=quality)
        return article

    return make
