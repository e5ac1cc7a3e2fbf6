"""What the quality pages share: who may see the analytics, and chart data for Chart.js."""

from django.http import Http404

from aftersales.core.views.edit import require

from ..models import EarlyWarning


def require_analyst(request) -> None:
    """The failure analytics are for quality engineers and managers (404 for anyone else)."""
    if not EarlyWarning.policy.allows(request.user, "view"):
        raise Http404


def chart(kind: str, labels, datasets: list[dict], **options) -> dict:
    """A Chart.js configuration as plain data; `static/quality/charts.js` draws it."""
    return {
        "type": kind,
        "data": {"labels": [str(x) for x in labels], "datasets": datasets},
        **options,
    }


class WithQualityNav:
    """An ObjectListView whose full page carries the quality tabs (htmx gets the core partial)."""

    page_template = "quality/_list_page.html"

    def get(self, request, *args, **kwargs):
        require(request, self.model, "view")
        return super().get(request, *args, **kwargs)

    @property
    def template_name(self):
        request = self.request
        if request.htmx and not request.htmx.boosted:
            return "core/object_list.html"
        return self.page_template
