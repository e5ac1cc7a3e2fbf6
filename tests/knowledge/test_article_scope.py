"""Who reads what: a customer only published customer articles, other readers every published
article, writers drafts and archived ones too; anything else is a 404, as a missing one."""

import pytest

from aftersales.core.choices import Role
from aftersales.knowledge import services
from aftersales.knowledge.models import Article
from tests.service.factories import technician_with_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(write, quality):
    public = write("For customers", audience="public")
    internal = write("For staff", audience="internal")
    draft = write("Not yet", audience="public", publish=False)
    archived = services.article_archive(article=write("Old", audience="public"), by=quality)
    return {"public": public, "internal": internal, "draft": draft, "archived": archived}


def _visible(user):
    return set(Article.objects.restrict(user, "view").values_list("title_en", flat=True))


def test_a_customer_reads_only_published_customer_articles(owner, articles):
    assert _visible(owner.user) == {"For customers"}


def test_technicians_and_agents_read_every_published_article(articles, agent, agent_user):
    staff = {"For customers", "For staff"}
    assert _visible(technician_with_login().user) == staff
    assert _visible(technician_with_login(agent=agent, username="agents-tech").user) == staff
    assert _visible(agent_user) == staff


def test_writers_see_drafts_and_archived_articles(articles, quality, operator, manager):
    everything = {"For customers", "For staff", "Not yet", "Old"}
    assert _visible(quality) == _visible(operator) == _visible(manager) == everything


def test_a_customer_opening_an_internal_or_draft_article_gets_404(login, owner, articles):
    client = login(owner.user)
    assert client.get(articles["public"].get_absolute_url()).status_code == 200
    for name in ("internal", "draft", "archived"):
        assert client.get(articles[name].get_absolute_url()).status_code == 404
        assert client.get(f"/api/v1/knowledge/articles/{articles[name].pk}").status_code == 404


def test_a_customer_has_no_list_nor_editing(login, owner, articles):
    client = login(owner.user)
    assert client.get("/knowledge/").status_code == 404
    assert client.get("/knowledge/new/").status_code == 404
    assert client.get(f"/knowledge/{articles['public'].pk}/edit/").status_code == 404


def test_a_reader_cannot_change_an_article(login, make_user, articles):
    client = login(make_user(Role.DISPATCHER, username="disp"))
    article = articles["internal"]
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(f"/knowledge/{article.pk}/edit/").status_code == 404
    assert client.post(f"/knowledge/{article.pk}/archive/").status_code == 404
    assert client.get(articles["draft"].get_absolute_url()).status_code == 404
    article.refresh_from_db()
    assert article.status == "published"
