"""Demo e-mail: the desk's queue is not empty on the first look. The demo customer answers about
her booked visit (attached to the request by its number), a customer from the demo base writes
in Persian about a new problem (matched to her record, waiting for the desk), and someone not yet
a customer writes in Italian."""

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from django.utils import timezone

from aftersales.customers.models import Customer
from aftersales.service.models import ServiceRequest

from . import services
from .choices import Source
from .models import InboundMessage

DESK = "service@aftersales.example"


def _raw(*, sender: str, name: str, subject: str, body: str, hours_ago: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"{name} <{sender}>"
    message["To"] = DESK
    message["Subject"] = subject
    message["Date"] = format_datetime(timezone.now() - dt.timedelta(hours=hours_ago))
    message["Message-ID"] = make_msgid(domain="demo.aftersales.example")
    message.set_content(body)
    return message.as_bytes()


def load_demo() -> str:
    if InboundMessage.objects.filter(to__icontains=DESK).exists():
        return ""
    letters = []
    sara = Customer.objects.filter(user__username="customer").first()
    booked = (
        ServiceRequest.objects.filter(customer=sara, status="scheduled").order_by("pk").first()
        if sara
        else None
    )
    if sara and sara.email and booked:
        letters.append(
            {
                "sender": sara.email,
                "name": sara.display_name,
                "subject": f"Re: {booked.number}",
                "body": "سلام، لطفاً تکنسین قبل از آمدن تماس بگیرد؛ زنگ در خراب است. ممنون.",
                "hours_ago": 2,
            }
        )
    known = (
        Customer.objects.filter(country="IR", user__isnull=True)
        .exclude(email="")
        .order_by("pk")
        .first()
    )
    if known:
        letters.append(
            {
                "sender": known.email,
                "name": known.display_name,
                "subject": "کولر گازی آب می‌چکد",
                "body": "سلام، از دیروز از زیر کولر گازی اتاق خواب آب می‌چکد. "
                "لطفاً برای بازدید وقت بدهید.",
                "hours_ago": 5,
            }
        )
    letters.append(
        {
            "sender": "marco.ferri@example.it",
            "name": "Marco Ferri",
            "subject": "Lavatrice non scarica l'acqua",
            "body": "Buongiorno, la mia lavatrice comprata a settembre non scarica più l'acqua "
            "e mostra l'errore E21. Potete mandare un tecnico? Abito a Milano.",
            "hours_ago": 20,
        }
    )
    for letter in letters:
        at = timezone.now() - dt.timedelta(hours=letter["hours_ago"])
        services.message_receive(raw=_raw(**letter), source=Source.MAILDIR, at=at)
    return f"inbox: {len(letters)} e-mails in the desk's queue"
