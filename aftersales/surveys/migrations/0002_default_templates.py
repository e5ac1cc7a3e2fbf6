"""The two surveys shipped: after a visit, after a complaint (in English, Persian and Italian)."""

from django.db import migrations

TEMPLATES = [
    {
        "code": "after-visit",
        "trigger": "visit_closed",
        "names": ("After a visit", "پس از بازدید", "Dopo l'intervento"),
        "questions": [
            (
                "csat",
                True,
                "How satisfied are you with the service?",
                "از خدمات ارائه‌شده چقدر راضی هستید؟",
                "Quanto è soddisfatto del servizio?",
                None,
            ),
            (
                "nps",
                True,
                "How likely are you to recommend us to a friend or colleague?",
                "چقدر احتمال دارد ما را به دوستان یا همکاران خود پیشنهاد کنید؟",
                "Quanto è probabile che ci consigli a un amico o a un collega?",
                None,
            ),
            (
                "ces",
                False,
                "How easy was it to get your problem solved?",
                "حل مشکل شما چقدر آسان بود؟",
                "Quanto è stato facile risolvere il suo problema?",
                None,
            ),
            (
                "text",
                False,
                "What should we have done better?",
                "چه کاری را باید بهتر انجام می‌دادیم؟",
                "Che cosa avremmo dovuto fare meglio?",
                (2, None, 6),  # shown when the answer to question 2 (NPS) is 0-6
            ),
            (
                "text",
                False,
                "Anything else you would like to tell us?",
                "چیز دیگری هست که بخواهید به ما بگویید؟",
                "C'è altro che vorrebbe dirci?",
                None,
            ),
        ],
    },
    {
        "code": "after-complaint",
        "trigger": "complaint_closed",
        "names": ("After a complaint", "پس از شکایت", "Dopo un reclamo"),
        "questions": [
            (
                "csat",
                True,
                "How satisfied are you with how we handled your complaint?",
                "از نحوه رسیدگی به شکایت خود چقدر راضی هستید؟",
                "Quanto è soddisfatto di come abbiamo gestito il suo reclamo?",
                None,
            ),
            (
                "ces",
                False,
                "How easy was it to make your complaint?",
                "ثبت شکایت چقدر آسان بود؟",
                "Quanto è stato facile presentare il reclamo?",
                None,
            ),
            (
                "nps",
                False,
                "How likely are you to recommend us to a friend or colleague?",
                "چقدر احتمال دارد ما را به دوستان یا همکاران خود پیشنهاد کنید؟",
                "Quanto è probabile che ci consigli a un amico o a un collega?",
                None,
            ),
            (
                "text",
                False,
                "What went wrong?",
                "چه چیزی اشتباه پیش رفت؟",
                "Che cosa è andato storto?",
                (1, None, 2),  # shown when the answer to question 1 (CSAT) is 1-2
            ),
        ],
    },
]


def load(apps, schema_editor):
    SurveyTemplate = apps.get_model("surveys", "SurveyTemplate")
    Question = apps.get_model("surveys", "Question")
    for spec in TEMPLATES:
        if SurveyTemplate.objects.filter(code=spec["code"]).exists():
            continue
        name_en, name_fa, name_it = spec["names"]
        template = SurveyTemplate.objects.create(
            code=spec["code"],
            trigger=spec["trigger"],
            name_en=name_en,
            name_fa=name_fa,
            name_it=name_it,
        )
        made = {}
        for position, (kind, required, en, fa, it, condition) in enumerate(spec["questions"], 1):
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
    apps.get_model("surveys", "SurveyTemplate").objects.filter(
        code__in=[spec["code"] for spec in TEMPLATES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
