from django.contrib import admin

from .models import Question, SurveyTemplate


class QuestionInline(admin.TabularInline):
    model = Question
    fk_name = "template"
    extra = 1
    fields = [
        "position",
        "kind",
        "text_en",
        "text_fa",
        "text_it",
        "required",
        "show_if",
        "show_if_min",
        "show_if_max",
    ]


@admin.register(SurveyTemplate)
class SurveyTemplateAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "trigger", "is_active"]
    inlines = [QuestionInline]
