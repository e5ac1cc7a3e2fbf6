"""The article form: parses input; the rules are in `services.py`."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.choices import FailureLevel
from aftersales.catalog.models import Category, FailureCode, ProductModel
from aftersales.core.forms import BootstrapMixin

from .models import Article, languages_for

TEXT_HELP = _(
    "Plain text. Leave a blank line between paragraphs; number the steps (1. 2. 3.), one a line."
)


class ArticleForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title_fa",
            "body_fa",
            "title_it",
            "body_it",
            "title_en",
            "body_en",
            "audience",
            "categories",
            "product_models",
            "symptoms",
        ]
        widgets = {
            "title_fa": forms.TextInput(attrs={"dir": "rtl", "lang": "fa"}),
            "title_it": forms.TextInput(attrs={"dir": "ltr", "lang": "it"}),
            "title_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "body_fa": forms.Textarea(attrs={"rows": 8, "dir": "rtl", "lang": "fa"}),
            "body_it": forms.Textarea(attrs={"rows": 8, "dir": "ltr", "lang": "it"}),
            "body_en": forms.Textarea(attrs={"rows": 8, "dir": "ltr", "lang": "en"}),
            "categories": forms.SelectMultiple(attrs={"size": 4}),
            "product_models": forms.SelectMultiple(attrs={"size": 8}),
            "symptoms": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.restrict(user, "view")
        self.fields["product_models"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["symptoms"].queryset = FailureCode.objects.restrict(user, "view").filter(
            level=FailureLevel.SYMPTOM
        )
        languages = languages_for(get_language())  # the writer's own language first
        self.order_fields([f"{part}_{code}" for code in languages for part in ("title", "body")])
        for code in languages:
            self.fields[f"body_{code}"].help_text = TEXT_HELP
        self.fields["categories"].help_text = _("The article applies to every model of these.")
        self.fields["symptoms"].help_text = _(
            "The problems it solves, as technicians record them on a visit."
        )
