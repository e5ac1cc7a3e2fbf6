"""Boxes of articles on the pages where a problem is worked on:

- `{% articles_for_request obj %}` on a service request's staff page and (with the visit's
  request) on the technician's visit page: the articles for the unit and the symptoms recorded;
- `{% self_help unit %}` on the customer's product page: the customer articles for the model.
"""

from django import template
from django.urls import reverse

from aftersales.core.access import can

from .. import selectors
from ..models import Article

register = template.Library()


@register.inclusion_tag("knowledge/_articles_box.html", takes_context=True)
def articles_for_request(context, service_request):
    user = context["request"].user
    visible = can(user, Article, "view") and service_request.unit_id is not None
    articles = selectors.articles_for_request(user=user, request=service_request) if visible else []
    more_url = None
    if visible and len(articles) >= selectors.SHOWN:
        model_id = service_request.unit.product_model_id
        more_url = f"{reverse('knowledge:list')}?model={model_id}"
    return {"visible": visible, "articles": articles, "more_url": more_url}


@register.inclusion_tag("knowledge/_portal_box.html", takes_context=True)
def self_help(context, unit):
    user = context["request"].user
    articles = []
    if can(user, Article, "view"):
        articles = selectors.articles_for(user=user, product_model_id=unit.product_model_id)
    return {"articles": articles}
