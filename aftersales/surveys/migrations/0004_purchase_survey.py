"""The purchase survey (R7.2): a month after the sale, how was buying the product?"""

from django.db import migrations

QUESTIONS = [
    (
        "csat",
        True,
        "How satisfied are you with your purchase?",
        "از خرید خود چقدر راضی هستید؟",
        "Quanto è soddisfatto del suo acquisto?",
        None,
    ),
    (
        "nps",
        False,
        "How likely are you to recommend this product to a friend or colleague?",
        "چقدر احتمال دارد این محصول را به دوستان یا همکاران خود پیشنهاد کنید؟",
        "Quanto è probabile che consigli questo prodotto a un amico o a un collega?",
        None,
    ),
    (
        "text",
        False,
        "What disappointed you?",
        "چه چیزی شما را ناامید کرد؟",
        "Che cosa l'ha delusa?",
        (1, None, 2),
    ),
]


def load(apps, schema_editor):
    SurveyTemplate = apps.get_model("surveys", "SurveyTemplate")
    Question = apps.get_model("surveys", "Question")
    if SurveyTemplate.objects.filter(code="after-purchase").exists():
        return
    template = SurveyTemplate.objects.create(
        code="after-purchase",
        trigger="purchase",
        name_en="After a purchase",
        name_fa="پس از خرید",
        name_it="Dopo l'acquisto",
    )
    made = {}
    for position, (kind, required, en, fa, it, condition) in enumerate(QUESTIONS, 1):
        show_if, low, high = (None, None, None)
        if condition:
            show_if, low, high = made[condition[0]], condition[1], condition[2]
        made[position] = Question.objects.create(
            template=template,
            position=position,
            kind=kind,
            required=required,
            text_en=en,
            text_fa=fa,
            text_it=it,
            show_if=show_if,
            show_if_min=low,
            show_if_max=high,
        )


def unload(apps, schema_editor):
    apps.get_model("surveys", "SurveyTemplate").objects.filter(code="after-purchase").delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0003_invitation_unit")]

    operations = [migrations.RunPython(load, unload)]
