"""Demo articles: the fixes the call centre and the technicians give most often for the demo's
air conditioners, washing machines and windows, in Persian, Italian and English (one only in
Italian and English, so a Persian reader sees the fall-back), published by the quality
engineer; one draft still being written."""

from aftersales.catalog.models import Category, FailureCode, ProductModel
from aftersales.core.models import User

from . import services
from .choices import Audience
from .models import Article

# (categories, models, symptoms, audience, published, {language: (title, text)})
ARTICLES = [
    (
        ["wm"],
        [],
        ["S08", "S06"],
        Audience.PUBLIC,
        True,
        {
            "en": (
                "Error E21 or water left in the drum: clean the drain filter",
                "The washer cannot pump the water out, most often because the drain filter "
                "is blocked by a coin, a hair clip or lint.\n\n"
                "1. Unplug the washer and wait until the water has cooled.\n"
                "2. Open the small door at the bottom front and put a shallow tray and a "
                "towel under it.\n"
                "3. Pull out the emergency drain hose and let the water run into the tray.\n"
                "4. Turn the filter anticlockwise, take it out and clean it under the tap.\n"
                "5. Put it back, turn it until it is tight, close the door and run a "
                '"Drain" programme.\n\n'
                "If E21 comes back after cleaning, ask for service: the drain pump may need "
                "replacing.",
            ),
            "fa": (
                "خطای E21 یا ماندن آب در دیگ: فیلتر تخلیه را تمیز کنید",
                "ماشین نمی‌تواند آب را تخلیه کند؛ بیشتر وقت‌ها سکه، گیره‌ی مو یا پرز، فیلتر "
                "تخلیه را گرفته است.\n\n"
                "۱. دوشاخه را از برق بکشید و صبر کنید تا آب خنک شود.\n"
                "۲. درِ کوچکِ پایینِ جلوی دستگاه را باز کنید و یک سینی کم‌عمق و حوله زیر آن "
                "بگذارید.\n"
                "۳. شلنگ تخلیه‌ی اضطراری را بیرون بکشید و بگذارید آب در سینی بریزد.\n"
                "۴. فیلتر را خلاف جهت عقربه‌های ساعت بچرخانید، بیرون بیاورید و زیر شیر آب "
                "بشویید.\n"
                "۵. فیلتر را سر جایش محکم کنید، در را ببندید و برنامه‌ی «تخلیه» را اجرا "
                "کنید.\n\n"
                "اگر پس از تمیز کردن باز هم E21 نمایش داده شد، درخواست سرویس ثبت کنید؛ "
                "ممکن است پمپ تخلیه نیاز به تعویض داشته باشد.",
            ),
            "it": (
                "Errore E21 o acqua nel cestello: pulire il filtro di scarico",
                "La lavatrice non riesce a scaricare l'acqua, quasi sempre perché il filtro "
                "è ostruito da una moneta, una forcina o dei pelucchi.\n\n"
                "1. Staccare la spina e attendere che l'acqua si raffreddi.\n"
                "2. Aprire lo sportellino in basso sul davanti e mettere sotto una bacinella "
                "bassa e uno strofinaccio.\n"
                "3. Estrarre il tubo di scarico di emergenza e far defluire l'acqua.\n"
                "4. Svitare il filtro in senso antiorario, estrarlo e sciacquarlo sotto il "
                "rubinetto.\n"
                "5. Rimetterlo ben stretto, chiudere lo sportellino e avviare il programma "
                '"Scarico".\n\n'
                "Se l'errore E21 ricompare, richiedere l'assistenza: potrebbe essere da "
                "sostituire la pompa di scarico.",
            ),
        },
    ),
    (
        ["ac"],
        [],
        ["S02"],
        Audience.PUBLIC,
        True,
        {
            "en": (
                "The air conditioner does not cool: check the mode and clean the filters",
                "1. Check on the remote that the mode is Cool (snowflake), not Fan or Dry, "
                "and that the set temperature is below the room's.\n"
                "2. Switch the unit off, open the front panel and slide out the two air "
                "filters.\n"
                "3. Wash them in lukewarm water, let them dry in the shade and slide them "
                "back.\n"
                "4. Make sure nothing blocks the outdoor unit (boxes, plants, covers).\n\n"
                "Clean the filters every two weeks in summer. If the air is still not cold "
                "after 30 minutes, ask for service.",
            ),
            "fa": (
                "کولر گازی خنک نمی‌کند: حالت کار را بررسی و فیلترها را تمیز کنید",
                "۱. روی کنترل بررسی کنید که حالت «سرمایش» (دانه‌ی برف) انتخاب شده باشد، نه "
                "«فن» یا «خشک‌کن»، و دمای تنظیم‌شده از دمای اتاق کمتر باشد.\n"
                "۲. دستگاه را خاموش کنید، پنل جلو را باز کنید و دو فیلتر هوا را بیرون "
                "بکشید.\n"
                "۳. فیلترها را با آب ولرم بشویید، در سایه خشک کنید و سر جایشان بگذارید.\n"
                "۴. مطمئن شوید جلوی یونیت بیرونی چیزی (جعبه، گلدان، روکش) نیست.\n\n"
                "در تابستان هر دو هفته یک بار فیلترها را تمیز کنید. اگر پس از ۳۰ دقیقه هوا "
                "هنوز خنک نیست، درخواست سرویس ثبت کنید.",
            ),
            "it": (
                "Il condizionatore non raffredda: controllare la modalità e pulire i filtri",
                "1. Controllare sul telecomando che la modalità sia Freddo (fiocco di neve), "
                "non Ventilazione o Deumidificazione, e che la temperatura impostata sia più "
                "bassa di quella della stanza.\n"
                "2. Spegnere l'unità, aprire il pannello frontale ed estrarre i due filtri "
                "dell'aria.\n"
                "3. Lavarli in acqua tiepida, farli asciugare all'ombra e rimontarli.\n"
                "4. Verificare che nulla ostruisca l'unità esterna (scatole, piante, "
                "coperture).\n\n"
                "In estate pulire i filtri ogni due settimane. Se dopo 30 minuti l'aria non "
                "è ancora fresca, richiedere l'assistenza.",
            ),
        },
    ),
    (
        [],
        ["AC-09I", "AC-12I", "AC-18I", "AC-24I"],
        ["S16"],
        Audience.PUBLIC,
        True,
        {
            "en": (
                "Breeze Inverter ignores the remote",
                "1. Replace both AAA batteries of the remote.\n"
                "2. Point the remote at the receiver on the right of the indoor unit, from "
                "less than 6 metres; strong sunlight or an energy-saving lamp nearby can "
                "blind it.\n"
                "3. Switch the unit off at the breaker for one minute and on again.\n"
                "4. If the unit still does not answer, press the manual button under the "
                "front panel: if it starts, the remote is faulty and can be bought from any "
                "service agent.",
            ),
            "fa": (
                "کولر بریز اینورتر به کنترل پاسخ نمی‌دهد",
                "۱. هر دو باتری نیم‌قلمی کنترل را عوض کنید.\n"
                "۲. کنترل را از فاصله‌ی کمتر از ۶ متر به سمت گیرنده‌ی سمت راست یونیت داخلی "
                "بگیرید؛ نور شدید خورشید یا لامپ کم‌مصرفِ نزدیک ممکن است گیرنده را مختل "
                "کند.\n"
                "۳. دستگاه را یک دقیقه از کلید فیوز خاموش و دوباره روشن کنید.\n"
                "۴. اگر باز هم پاسخ نداد، دکمه‌ی دستیِ زیر پنل جلو را بزنید: اگر روشن شد، "
                "کنترل خراب است و از همه‌ی نمایندگی‌ها قابل تهیه است.",
            ),
            "it": (
                "Il Breeze Inverter non risponde al telecomando",
                "1. Sostituire entrambe le pile AAA del telecomando.\n"
                "2. Puntare il telecomando verso il ricevitore sulla destra dell'unità "
                "interna, da meno di 6 metri; il sole diretto o una lampada a risparmio "
                "energetico vicina possono disturbarlo.\n"
                "3. Spegnere l'unità dall'interruttore per un minuto e riaccenderla.\n"
                "4. Se non risponde ancora, premere il tasto manuale sotto il pannello "
                "frontale: se si accende, il telecomando è guasto e si può acquistare presso "
                "qualsiasi centro assistenza.",
            ),
        },
    ),
    (
        ["wm"],
        [],
        ["S11", "S05"],
        Audience.PUBLIC,
        True,
        {
            "en": (
                "Strong vibration or noise when spinning: transport bolts and feet",
                "1. A new washer: check that the three transport bolts at the back were "
                "taken out (keep them for a move).\n"
                "2. Put a spirit level on the top and turn the feet until it is level; "
                "tighten the lock nuts.\n"
                "3. Do not spin a single heavy item (a bath mat, a blanket) alone: add a few "
                "towels.\n\n"
                "If it still knocks, ask for service: the shock absorbers may be worn.",
            ),
            "fa": (
                "لرزش یا صدای شدید هنگام آبگیری: پیچ‌های حمل و پایه‌ها",
                "۱. دستگاه نو: بررسی کنید که سه پیچ حمل پشت دستگاه باز شده باشد (برای "
                "جابه‌جایی نگهشان دارید).\n"
                "۲. تراز را روی دستگاه بگذارید و پایه‌ها را بچرخانید تا تراز شود؛ مهره‌های "
                "قفل را سفت کنید.\n"
                "۳. یک قلم سنگین (پادری، پتو) را به‌تنهایی آبگیری نکنید؛ چند حوله کنارش "
                "بگذارید.\n\n"
                "اگر باز هم ضربه می‌زند، درخواست سرویس ثبت کنید؛ ممکن است کمک‌فنرها فرسوده "
                "باشند.",
            ),
            "it": (
                "Forti vibrazioni o rumore in centrifuga: bulloni di trasporto e piedini",
                "1. Lavatrice nuova: verificare che i tre bulloni di trasporto sul retro "
                "siano stati tolti (conservarli per un trasloco).\n"
                "2. Appoggiare una livella sul piano e regolare i piedini finché è in bolla; "
                "serrare i controdadi.\n"
                "3. Non centrifugare da solo un capo pesante (tappetino, coperta): "
                "aggiungere qualche asciugamano.\n\n"
                "Se continua a battere, richiedere l'assistenza: gli ammortizzatori "
                "potrebbero essere usurati.",
            ),
        },
    ),
    (
        ["ac"],
        [],
        ["S04"],
        Audience.INTERNAL,
        True,
        {
            "en": (
                "Indoor unit drips water: condensate drain",
                "Usually the condensate hose has lost its slope or the tray is clogged.\n\n"
                "1. Check the hose falls all the way from the unit to the outlet, with no "
                "loop or sag; re-fix it with clips.\n"
                "2. Pour half a litre of water into the tray: it must leave within a minute.\n"
                "3. If not, blow the hose out with nitrogen or a hand pump from the outside "
                "end and clean the tray with a disinfectant.\n"
                "4. Check the unit is level (spirit level on the top edge): a tilt towards "
                "the pipe side leaks at the front.\n\n"
                "Record the symptom S04 and the defect D06 (blocked drain) on the visit.",
            ),
            "fa": (
                "چکه‌ی آب از یونیت داخلی: مسیر تخلیه‌ی آب میعان",
                "معمولاً شیب شلنگ تخلیه از دست رفته یا سینی گرفته است.\n\n"
                "۱. بررسی کنید شلنگ از دستگاه تا خروجی یکسره شیب داشته باشد و حلقه یا "
                "شکم نداشته باشد؛ با بست دوباره محکم کنید.\n"
                "۲. نیم لیتر آب در سینی بریزید: باید در کمتر از یک دقیقه خارج شود.\n"
                "۳. در غیر این صورت شلنگ را از سر بیرونی با نیتروژن یا پمپ دستی باز کنید و "
                "سینی را با مادّه‌ی ضدعفونی تمیز کنید.\n"
                "۴. تراز بودن دستگاه را بررسی کنید؛ کج بودن به سمت لوله‌ها از جلو نشتی "
                "می‌دهد.\n\n"
                "نشانه‌ی S04 و عیب D06 (گرفتگی مسیر تخلیه) را روی بازدید ثبت کنید.",
            ),
            "it": (
                "L'unità interna gocciola: scarico della condensa",
                "Di solito il tubo della condensa ha perso la pendenza o la vaschetta è "
                "intasata.\n\n"
                "1. Verificare che il tubo scenda fino allo scarico senza anse né "
                "avvallamenti; fissarlo di nuovo con le fascette.\n"
                "2. Versare mezzo litro d'acqua nella vaschetta: deve defluire entro un "
                "minuto.\n"
                "3. Altrimenti soffiare il tubo con azoto o una pompa a mano dall'estremità "
                "esterna e pulire la vaschetta con un disinfettante.\n"
                "4. Controllare che l'unità sia in bolla: inclinata verso il lato tubi perde "
                "davanti.\n\n"
                "Registrare il sintomo S04 e il difetto D06 (scarico ostruito) sulla visita.",
            ),
        },
    ),
    (
        ["dw"],
        [],
        ["S13"],
        Audience.PUBLIC,
        True,
        {
            "en": (
                "The window is hard to close: adjust the sash",
                "1. Open the sash and look at the lower hinge: the hex screw on its side "
                "moves the sash sideways.\n"
                "2. Turn it a quarter turn at a time with a 4 mm Allen key until the sash "
                "no longer rubs on the frame.\n"
                "3. Put a drop of oil on the locking points along the edge of the sash.\n\n"
                "If the handle is still hard to turn, ask for an adjustment visit.",
            ),
            "it": (
                "La finestra si chiude male: regolare l'anta",
                "1. Aprire l'anta e guardare la cerniera inferiore: la vite esagonale sul "
                "fianco sposta l'anta di lato.\n"
                "2. Girarla di un quarto di giro alla volta con una chiave a brugola da 4 mm "
                "finché l'anta non struscia più sul telaio.\n"
                "3. Mettere una goccia d'olio sui punti di chiusura lungo il bordo "
                "dell'anta.\n\n"
                "Se la maniglia resta dura, richiedere una visita di regolazione.",
            ),
        },
    ),
    (
        [],
        ["AC-12I", "AC-18I"],
        ["S06"],
        Audience.INTERNAL,
        False,
        {
            "en": (
                "Breeze Inverter error codes E1, E6 and P4",
                "E1: room sensor open or shorted (about 5 kΩ at 25 °C).\n"
                "E6: no communication between the indoor and outdoor boards: check the "
                "interconnecting cable first.\n"
                "P4: compressor driver protection: measure the supply voltage under load "
                "before replacing the outdoor board.",
            ),
        },
    ),
]


def load_demo() -> str:
    if Article.objects.exists():
        return "Knowledge base: the demo articles are already there."
    writer = User.objects.filter(username="quality").first()
    categories = {c.code: c for c in Category.objects.all()}
    models = {m.code: m for m in ProductModel.objects.all()}
    codes = {f.code: f for f in FailureCode.objects.filter(level="symptom")}
    published = 0
    for category_codes, model_codes, symptom_codes, audience, publish, texts in ARTICLES:
        data = {}
        for language, (title, body) in texts.items():
            data[f"title_{language}"] = title
            data[f"body_{language}"] = body
        article = services.article_create(
            by=writer,
            audience=audience,
            categories=[categories[code] for code in category_codes if code in categories],
            product_models=[models[code] for code in model_codes if code in models],
            symptoms=[codes[code] for code in symptom_codes if code in codes],
            **data,
        )
        if publish:
            services.article_publish(article=article, by=writer)
            published += 1
    return f"Knowledge base: {len(ARTICLES)} articles, {published} published."
