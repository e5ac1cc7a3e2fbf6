"""The knowledge base API: search and read the articles the caller may read (a customer only
published customer articles; an article out of scope is a 404); writers create, change,
publish and archive them."""

import ninja
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut

from . import selectors, services
from .choices import ArticleStatus, Audience
from .models import Article
from .schemas import ArticleIn, ArticleOut, ArticlePatch

router = Router(tags=["knowledge"])
MAX_PAGE = 200


def _articles(request, action: str = "view"):
    return Article.objects.restrict(request.user, action).prefetch_related(
        "categories", "product_models", "symptoms"
    )


@router.get("/articles", response=list[ArticleOut], summary="List or search articles")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def article_list(
    request,
    q: str = "",
    category: str = "",
    model: str = "",
    symptom: str = "",
    audience: Audience | None = None,
    status: ArticleStatus | None = None,
):
    """Articles whose title or text, in the caller's language (or the one an article falls
    back to), contains `q`. `category`, `model` and `symptom` are catalogue codes; `model`
    also finds the articles for the model's whole category."""
    articles = selectors.article_search(_articles(request), q)
    if category:
        articles = articles.filter(
            pk__in=Article.objects.filter(categories__code=category).values("pk")
        )
    if model:
        articles = articles.filter(pk__in=selectors.article_ids_for_model(code=model))
    if symptom:
        articles = articles.filter(
            pk__in=Article.objects.filter(symptoms__code=symptom).values("pk")
        )
    if audience:
        articles = articles.filter(audience=audience)
    if status:
        articles = articles.filter(status=status)
    return articles.order_by("-updated_at", "-pk")


@router.get(
    "/articles/{int:article_id}",
    response={200: ArticleOut, ERRORS: ErrorOut},
    summary="Get an article",
)
def article_get(request, article_id: int):
    return get_object_or_404(_articles(request), pk=article_id)


@router.post("/articles", response={201: ArticleOut, ERRORS: ErrorOut}, summary="Write an article")
@idempotent
def article_create(request, payload: ArticleIn):
    """A new draft; publish it to reach its readers."""
    demand(request.user, Article, "add")
    data = payload.service_data(request.user)
    data.setdefault("audience", payload.audience)
    article = services.article_create(by=request.user, **data)
    return ninja.Status(201, _articles(request).get(pk=article.pk))


@router.patch(
    "/articles/{int:article_id}",
    response={200: ArticleOut, ERRORS: ErrorOut},
    summary="Change an article",
)
def article_update(request, article_id: int, payload: ArticlePatch):
    demand(request.user, Article, "change")
    article = get_object_or_404(_articles(request, "change"), pk=article_id)
    services.article_update(article=article, by=request.user, **payload.service_data(request.user))
    return _articles(request).get(pk=article.pk)


@router.post(
    "/articles/{int:article_id}/publish",
    response={200: ArticleOut, ERRORS: ErrorOut},
    summary="Publish an article",
)
def article_publish(request, article_id: int):
    demand(request.user, Article, "change")
    article = get_object_or_404(_articles(request, "change"), pk=article_id)
    services.article_publish(article=article, by=request.user)
    return _articles(request).get(pk=article.pk)


@router.post(
    "/articles/{int:article_id}/archive",
    response={200: ArticleOut, ERRORS: ErrorOut},
    summary="Archive an article",
)
def article_archive(request, article_id: int):
    demand(request.user, Article, "change")
    article = get_object_or_404(_articles(request, "change"), pk=article_id)
    services.article_archive(article=article, by=request.user)
    return _articles(request).get(pk=article.pk)
