"""Pages of the knowledge base: the list, an article (also for customers, without the staff's
details), writing and editing, publishing and archiving."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.access import can, customer_page
from aftersales.core.choices import Role
from aftersales.core.views.edit import act, form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from . import services
from .filters import ArticleFilter
from .forms import ArticleForm
from .models import Article


def _applies_to(article: Article) -> str:
    names = [c.name for c in article.categories.all()]
    names += [m.code for m in article.product_models.all()]
    names += [s.code for s in article.symptoms.all()]
    return ", ".join(names)


class ArticleList(ObjectListView):
    model = Article
    filterset_class = ArticleFilter
    default_sort = "-updated_at"
    title = gettext_lazy("Knowledge base")

    @property
    def create_url(self):
        return reverse("knowledge:create")

    @property
    def columns(self):
        language = (get_language() or "en")[:2]
        return [
            Column("title_shown", gettext_lazy("Title"), sort=f"title_{language}", link=True),
            Column(_applies_to, gettext_lazy("Applies to")),
            Column("get_audience_display", gettext_lazy("Audience"), sort="audience"),
            Column("get_status_display", gettext_lazy("Status"), sort="status"),
            Column("updated_at", gettext_lazy("Updated"), sort="updated_at", kind="date"),
        ]

    def base_queryset(self):
        return super().base_queryset().prefetch_related("categories", "product_models", "symptoms")


def _direction(language: str) -> str:
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


@customer_page
@login_required
def article_detail(request, pk: int):
    article = get_object_or_404(
        Article.objects.restrict(request.user, "view").select_related("author", "reviewed_by"),
        pk=pk,
    )
    language = article.language_shown
    context = {
        "title": article.title_shown,
        "article": article,
        "language": language,
        "direction": _direction(language),
        "translated": language == (get_language() or "en")[:2],
    }
    if request.user.role == Role.CUSTOMER:
        return TemplateResponse(request, "knowledge/portal_article.html", context)
    context.update(
        {
            "categories": article.categories.restrict(request.user, "view"),
            "product_models": article.product_models.restrict(request.user, "view"),
            "symptoms": article.symptoms.restrict(request.user, "view"),
            "can_change": can(request.user, Article, "change"),
        }
    )
    return TemplateResponse(request, "knowledge/article_detail.html", context)


@login_required
def article_create(request):
    require(request, Article, "add")
    form = ArticleForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.article_create(by=request.user, **data),
        title=_("New article"),
        intro=_(
            "Write the article in one language or more; readers see it in theirs, or in "
            "another when theirs has no text. It stays a draft until it is published."
        ),
        cancel_url=reverse("knowledge:list"),
        done=_("Article saved as a draft."),
    )


@login_required
def article_edit(request, pk: int):
    article = get_object_or_404(Article.objects.restrict(request.user, "change"), pk=pk)
    form = ArticleForm(request.POST or None, instance=article, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.article_update(article=article, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": article},
        cancel_url=article.get_absolute_url(),
        done=_("Changes saved."),
    )


@login_required
@require_POST
def article_publish(request, pk: int):
    article = get_object_or_404(Article.objects.restrict(request.user, "change"), pk=pk)
    return act(
        request,
        article,
        lambda: services.article_publish(article=article, by=request.user),
        done=_("The article was published."),
    )


@login_required
@require_POST
def article_archive(request, pk: int):
    article = get_object_or_404(Article.objects.restrict(request.user, "change"), pk=pk)
    return act(
        request,
        article,
        lambda: services.article_archive(article=article, by=request.user),
        done=_("The article was archived."),
    )
