"""Reads of the knowledge base: search in the text the reader sees, and the articles for a
product and its problem (one query, whatever the number of articles)."""

from django.db.models import BooleanField, Exists, OuterRef, Q, QuerySet, Value
from django.utils.translation import get_language

from aftersales.catalog.choices import FailureLevel
from aftersales.core.text import latin_digits
from aftersales.service.models import Visit

from .choices import ArticleStatus
from .models import Article, languages_for

SHOWN = 5  # articles in a page's box; the list has the rest


def article_search(queryset: QuerySet[Article], query: str) -> QuerySet[Article]:
    """Articles whose title or text, in the language the reader sees them in, contains
    `query` (ignoring case): the reader's own language, or the language an article falls back
    to when it has no text in the reader's."""
    query = (query or "").strip()
    if not query:
        return queryset
    texts = {query, latin_digits(query)}
    condition = Q()
    untranslated = Q()  # the article has no text in any language tried before this one
    for code in languages_for(get_language()):
        found = Q()
        for text in texts:
            found |= Q(**{f"title_{code}__icontains": text}) | Q(
                **{f"body_{code}__icontains": text}
            )
        condition |= untranslated & found
        untranslated &= Q(**{f"title_{code}": ""}, **{f"body_{code}": ""})
    return queryset.filter(condition)


def article_ids_for_model(*, pk: int | None = None, code: str | None = None) -> QuerySet:
    """The ids of the articles for a product model (by id or code) or for its whole category."""
    if code is not None:
        condition = Q(product_models__code=code) | Q(categories__models__code=code)
    else:
        condition = Q(product_models=pk) | Q(categories__models=pk)
    return Article.objects.filter(condition).values("pk")


def articles_for(
    *, user, product_model_id: int | None, symptoms: QuerySet | None = None, limit: int = SHOWN
) -> list[Article]:
    """The published articles `user` may read for a product model and, when known, its
    problem, best first, in one query.

    An article fits when it names the model, or the model's category, or (naming no product)
    one of the symptoms. When `symptoms` (a query of failure code ids) finds any, articles
    written for other symptoms are left out, and those for these symptoms come first; articles
    for no symptom in particular stay. Then articles for the model come before those for its
    whole category, and the most recently published first.
    """
    if product_model_id is None and symptoms is None:
        return []
    models_of = Article.product_models.through.objects.filter(article=OuterRef("pk"))
    categories_of = Article.categories.through.objects.filter(article=OuterRef("pk"))
    symptoms_of = Article.symptoms.through.objects.filter(article=OuterRef("pk"))
    if product_model_id is None:
        for_model = for_category = Value(False, output_field=BooleanField())
    else:
        for_model = Exists(models_of.filter(productmodel_id=product_model_id))
        for_category = Exists(categories_of.filter(category__models=product_model_id))
    articles = Article.objects.restrict(user, "view").filter(status=ArticleStatus.PUBLISHED)
    if symptoms is None:
        articles = articles.annotate(for_model=for_model, for_category=for_category).filter(
            Q(for_model=True) | Q(for_category=True)
        )
        order = ["-for_model", "-reviewed_at", "-pk"]
    else:
        names_a_product = Q(Exists(models_of)) | Q(Exists(categories_of))
        articles = articles.annotate(
            for_model=for_model,
            for_category=for_category,
            for_symptom=Exists(symptoms_of.filter(failurecode_id__in=symptoms)),
        ).filter(
            (Q(for_model=True) | Q(for_category=True) | (~names_a_product & Q(for_symptom=True)))
            & (Q(for_symptom=True) | ~Q(Exists(symptoms_of)) | ~Q(Exists(symptoms)))
        )
        order = ["-for_symptom", "-for_model", "-reviewed_at", "-pk"]
    return list(articles.order_by(*order)[:limit])


def symptoms_of_request(request) -> QuerySet:
    """The ids of the symptom codes recorded on the visits of a service request (a query, not
    run here: it becomes part of the articles' query)."""
    return Visit.failure_codes.through.objects.filter(
        visit__request_id=request.pk, failurecode__level=FailureLevel.SYMPTOM
    ).values("failurecode_id")


def articles_for_request(*, user, request, limit: int = SHOWN) -> list[Article]:
    """Articles for a service request's unit and the symptoms its visits recorded."""
    product_model_id = request.unit.product_model_id if request.unit_id else None
    return articles_for(
        user=user,
        product_model_id=product_model_id,
        symptoms=symptoms_of_request(request),
        limit=limit,
    )
