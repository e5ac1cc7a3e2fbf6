"""Reference data of a fictional maker, "Aster", and the raw material for fake customers.

Everything here is data, not interface text: names are stored as written in each country
(Persian script for Iran, Italian for Italy), so it is not marked for translation.
"""

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from stdnum.it import codicefiscale
from stdnum.luhn import calc_check_digit as luhn_check_digit

MAKER = "Aster"
# Generated dates never pass this day, so a seed gives the same rows whatever the clock says.
DATA_UNTIL = dt.date(2026, 10, 31)
PRICES_FROM = (dt.date(2025, 3, 21), dt.date(2026, 3, 21))  # two price lists: last year's, this
IRR_PER_EUR = 950_000
AGENT_DISCOUNT = Decimal("0.80")

CATEGORIES = [
    {
        "code": "ac",
        "name_en": "Air conditioners",
        "name_fa": "کولر گازی",
        "name_it": "Condizionatori",
        "peak_months": [6, 7, 8],
        "peak_weight": Decimal("3"),
    },
    {
        "code": "wm",
        "name_en": "Washing machines",
        "name_fa": "ماشین لباسشویی",
        "name_it": "Lavatrici",
        "peak_months": [],
        "peak_weight": Decimal("1"),
    },
    {
        "code": "dw",
        "name_en": "Doors and windows",
        "name_fa": "درب و پنجره",
        "name_it": "Porte e finestre",
        "peak_months": [],
        "peak_weight": Decimal("1"),
    },
]
USAGE_METERS = {"ac": "hours", "wm": "cycles", "dw": "none"}


@dataclass(frozen=True)
class Model:
    code: str
    name: str
    category: str
    launch: dt.date
    end: dt.date | None
    weight: int  # share of the units sold

    @property
    def serial_prefix(self) -> str:
        return self.code.replace("-", "")


_D = dt.date
PRODUCT_MODELS = [
    Model("AC-09I", "Breeze 9 Inverter, 9,000 BTU split", "ac", _D(2021, 3, 1), None, 8),
    Model("AC-12I", "Breeze 12 Inverter, 12,000 BTU split", "ac", _D(2021, 3, 1), None, 14),
    Model("AC-18I", "Breeze 18 Inverter, 18,000 BTU split", "ac", _D(2021, 3, 1), None, 12),
    Model("AC-24I", "Breeze 24 Inverter, 24,000 BTU split", "ac", _D(2022, 2, 1), None, 8),
    Model("AC-12C", "Classic 12, 12,000 BTU split", "ac", _D(2018, 4, 1), _D(2023, 6, 30), 7),
    Model("AC-18C", "Classic 18, 18,000 BTU split", "ac", _D(2018, 4, 1), _D(2023, 6, 30), 6),
    Model("AC-24C", "Classic 24, 24,000 BTU split", "ac", _D(2018, 4, 1), _D(2022, 12, 31), 3),
    Model("AC-48F", "Tower 48, 48,000 BTU floor-standing", "ac", _D(2023, 1, 15), None, 2),
    Model("WM-F6", "Aqua 6 kg front-loading washer", "wm", _D(2019, 1, 1), _D(2024, 12, 31), 5),
    Model("WM-F7", "Aqua 7 kg front-loading washer", "wm", _D(2019, 1, 1), None, 9),
    Model("WM-F8", "Aqua 8 kg front-loading washer", "wm", _D(2020, 1, 1), None, 9),
    Model("WM-F9", "Aqua Steam 9 kg front-loading washer", "wm", _D(2022, 5, 1), None, 6),
    Model("WM-F10", "Aqua Steam 10 kg front-loading washer", "wm", _D(2023, 3, 1), None, 3),
    Model("WM-T7", "Compact 7 kg top-loading washer", "wm", _D(2019, 6, 1), _D(2025, 6, 30), 3),
    Model("WM-WD8", "Aqua Duo 8/5 kg washer-dryer", "wm", _D(2024, 2, 1), None, 2),
    Model("DW-UW", "Clima uPVC casement window", "dw", _D(2018, 1, 1), None, 3),
    Model("DW-US", "Clima uPVC sliding window", "dw", _D(2018, 1, 1), None, 2),
    Model("DW-AW", "Linea aluminium window", "dw", _D(2019, 9, 1), None, 2),
    Model("DW-AD", "Linea aluminium patio door", "dw", _D(2019, 9, 1), None, 1),
    Model("DW-SD", "Forte security entrance door", "dw", _D(2020, 4, 1), None, 2),
]
MODELS_BY_CODE = {model.code: model for model in PRODUCT_MODELS}

# list prices before tax at the start of 2025: (rials, euros). A unit's sale price is its model's
# price of the year it was sold (rials lose about a third of their value a year, euros 3 %),
# give or take what the dealer made of it.
PRICES_2025 = {
    "AC-09I": (420_000_000, 520),
    "AC-12I": (520_000_000, 640),
    "AC-18I": (720_000_000, 890),
    "AC-24I": (930_000_000, 1_150),
    "AC-12C": (430_000_000, 540),
    "AC-18C": (600_000_000, 760),
    "AC-24C": (780_000_000, 980),
    "AC-48F": (2_100_000_000, 2_600),
    "WM-F6": (300_000_000, 380),
    "WM-F7": (340_000_000, 420),
    "WM-F8": (390_000_000, 480),
    "WM-F9": (470_000_000, 590),
    "WM-F10": (520_000_000, 650),
    "WM-T7": (280_000_000, 350),
    "WM-WD8": (600_000_000, 760),
    "DW-UW": (95_000_000, 420),
    "DW-US": (110_000_000, 480),
    "DW-AW": (140_000_000, 610),
    "DW-AD": (260_000_000, 1_150),
    "DW-SD": (350_000_000, 1_400),
}
YEARLY_PRICE_RISE = {"IRR": 0.35, "EUR": 0.03}
DEALER_MARGIN = 0.08  # a sale price is the list price give or take this share


def _codes(category: str, *suffixes: str) -> list[str]:
    return [f"{category.upper()}-{suffix}" for suffix in suffixes]


AC_INVERTER = _codes("ac", "09I", "12I", "18I", "24I")
AC_CLASSIC = _codes("ac", "12C", "18C", "24C")
AC_ALL = [*AC_INVERTER, *AC_CLASSIC, "AC-48F"]
WM_FRONT = _codes("wm", "F6", "F7", "F8", "F9", "F10", "WD8")
WM_ALL = [*WM_FRONT, "WM-T7"]
DW_UPVC = _codes("dw", "UW", "US")
DW_ALU = _codes("dw", "AW", "AD")
DW_ALL = [*DW_UPVC, *DW_ALU, "DW-SD"]

# Parts made for one model: (type code, name, price in EUR).
_PER_MODEL = {
    "ac": [
        ("CMP", "Compressor", 240),
        ("PCB", "Indoor main board", 85),
        ("IFM", "Indoor fan motor", 48),
        ("OFM", "Outdoor fan motor", 62),
        ("FLT", "Air filter set", 9),
        ("EVP", "Evaporator coil", 130),
        ("CND", "Condenser coil", 150),
    ],
    "wm": [
        ("PCB", "Main control board", 95),
        ("MOT", "Drive motor", 120),
        ("GSK", "Door gasket", 28),
        ("BRG", "Drum bearing and seal kit", 35),
        ("SHK", "Shock absorber pair", 24),
        ("DOR", "Door assembly with glass", 55),
    ],
    "dw": [
        ("HDW", "Handle, white", 14),
        ("HDB", "Handle, black", 16),
        ("HDS", "Handle, silver", 16),
        ("HNG", "Hinge set", 22),
        ("GSK", "Sash gasket, 6 m", 12),
        ("IGU", "Double-glazed unit", 140),
        ("ESP", "Espagnolette lock", 38),
    ],
}
# Parts shared by several models: (sku, name, EUR, compatible model codes).
_SHARED = [
    ("AC-RC-INV", "Remote control, inverter range", 18, AC_INVERTER + ["AC-48F"]),
    ("AC-RC-STD", "Remote control, classic range", 14, AC_CLASSIC),
    ("AC-LVM", "Louver stepping motor", 11, AC_ALL),
    ("AC-SNR", "Room temperature sensor", 6, AC_ALL),
    ("AC-SNP", "Pipe temperature sensor", 6, AC_ALL),
    ("AC-CAP-35", "Run capacitor 35 µF", 12, _codes("ac", "09I", "12I", "12C")),
    ("AC-CAP-45", "Run capacitor 45 µF", 14, _codes("ac", "18I", "24I", "18C", "24C", "48F")),
    ("AC-4WV-S", "Four-way valve, small", 45, _codes("ac", "09I", "12I", "12C")),
    ("AC-4WV-L", "Four-way valve, large", 58, _codes("ac", "18I", "24I", "18C", "24C", "48F")),
    ("AC-EEV", "Electronic expansion valve", 52, AC_INVERTER + ["AC-48F"]),
    ("AC-DSP-I", "Display board, inverter range", 26, AC_INVERTER),
    ("AC-DSP-C", "Display board, classic range", 22, AC_CLASSIC),
    ("AC-DRH", "Drain hose, 2 m", 4, AC_ALL),
    ("AC-BRK", "Outdoor unit wall bracket", 19, AC_ALL),
    ("AC-R32", "Refrigerant R32, 1 kg", 28, AC_INVERTER + ["AC-48F"]),
    ("AC-R410", "Refrigerant R410A, 1 kg", 32, AC_CLASSIC),
    ("WM-DPM-1", "Drain pump, standard", 29, ["WM-F6", "WM-F7", "WM-T7"]),
    ("WM-DPM-2", "Drain pump, high flow", 34, ["WM-F8", "WM-F9", "WM-F10", "WM-WD8"]),
    ("WM-INV-1", "Inlet valve, single", 16, ["WM-F6", "WM-F7", "WM-T7"]),
    ("WM-INV-2", "Inlet valve, double", 21, ["WM-F8", "WM-F9", "WM-F10", "WM-WD8"]),
    ("WM-DLK", "Door interlock", 19, WM_FRONT),
    ("WM-HTR-18", "Heating element 1800 W", 27, ["WM-F6", "WM-F7", "WM-T7"]),
    ("WM-HTR-20", "Heating element 2000 W", 31, ["WM-F8", "WM-F9", "WM-F10", "WM-WD8"]),
    ("WM-BLT", "Drive belt", 12, ["WM-F6", "WM-F7", "WM-T7"]),
    ("WM-CBR", "Carbon brush pair", 9, ["WM-F6", "WM-T7"]),
    ("WM-PSW", "Water level pressure switch", 17, WM_ALL),
    ("WM-NTC", "Water temperature sensor", 8, WM_ALL),
    ("WM-FLT", "Drain pump filter", 7, WM_ALL),
    ("WM-HOS-IN", "Inlet hose, 1.5 m", 9, WM_ALL),
    ("WM-HOS-OUT", "Drain hose, 1.5 m", 8, WM_ALL),
    ("WM-FEE", "Adjustable feet, set of 4", 10, WM_ALL),
    ("WM-STM", "Steam generator", 64, ["WM-F9", "WM-F10"]),
    ("WM-DRY", "Dryer heater and fan", 72, ["WM-WD8"]),
    ("DW-ROL", "Sliding sash rollers, pair", 18, ["DW-US"]),
    ("DW-CYL-35", "Euro cylinder 35/35", 24, [*DW_ALU, "DW-SD"]),
    ("DW-CYL-40", "Euro cylinder 40/40, anti-snap", 39, ["DW-SD"]),
    ("DW-WST", "Weatherstrip, 10 m", 15, DW_ALL),
    ("DW-DRC", "Drainage caps, set of 10", 5, [*DW_UPVC, *DW_ALU]),
    ("DW-SCR", "Fixing screw kit", 7, DW_ALL),
    ("DW-CLS", "Door closer", 48, ["DW-AD", "DW-SD"]),
    ("DW-LCK", "Multi-point security lock", 120, ["DW-SD"]),
    ("DW-VNT", "Trickle vent", 11, [*DW_UPVC, "DW-AW"]),
]


@dataclass(frozen=True)
class PartData:
    sku: str
    name: str
    eur: Decimal
    models: tuple[str, ...]
    superseded_by: str | None = None


def parts() -> list[PartData]:
    """About 200 spare parts; every seventh has a newer revision ("-B") that supersedes it."""
    base = []
    for model in PRODUCT_MODELS:
        for kind, name, eur in _PER_MODEL[model.category]:
            sku = f"{model.category.upper()}-{kind}-{model.serial_prefix[2:]}"
            base.append((sku, f"{name}, {model.code}", Decimal(eur), (model.code,)))
    for sku, name, eur, models in _SHARED:
        base.append((sku, name, Decimal(eur), tuple(models)))
    result = []
    for index, (sku, name, eur, models) in enumerate(base):
        if index % 7 == 3:
            newer = f"{sku}-B"
            result.append(PartData(sku, name, eur, models, superseded_by=newer))
            result.append(PartData(newer, f"{name} (rev. B)", eur * Decimal("1.08"), models))
        else:
            result.append(PartData(sku, name, eur, models))
    return result


def part_prices(eur: Decimal) -> list[tuple[str, str, Decimal, dt.date]]:
    """(price list, currency, amount, valid from) rows: customer and agent, IRR and EUR."""
    rows = []
    for year, valid_from in enumerate(PRICES_FROM):
        factor = Decimal("1") if year else Decimal("0.9")
        for price_list, share in (("customer", Decimal("1")), ("agent", AGENT_DISCOUNT)):
            amount = eur * factor * share
            rows.append((price_list, "EUR", amount.quantize(Decimal("0.01")), valid_from))
            rial = (amount * IRR_PER_EUR / 10_000).quantize(Decimal("1")) * 10_000
            rows.append((price_list, "IRR", rial, valid_from))
    return rows


# (code, level, categories, English, Persian, Italian)
FAILURE_CODES = [
    ("S01", "symptom", "ac wm", "Does not start", "روشن نمی‌شود", "Non si accende"),
    ("S02", "symptom", "ac", "Does not cool", "خنک نمی‌کند", "Non raffredda"),
    ("S03", "symptom", "ac", "Does not heat", "گرم نمی‌کند", "Non riscalda"),
    ("S04", "symptom", "ac wm", "Water leaking", "نشت آب", "Perdita d'acqua"),
    ("S05", "symptom", "ac wm", "Unusual noise", "صدای غیرعادی", "Rumorosità anomala"),
    ("S06", "symptom", "ac wm", "Error code on the display", "نمایش کد خطا", "Codice di errore"),
    ("S07", "symptom", "ac wm", "Bad smell", "بوی نامطبوع", "Cattivo odore"),
    ("S08", "symptom", "wm", "Does not drain", "آب تخلیه نمی‌شود", "Non scarica l'acqua"),
    ("S09", "symptom", "wm", "Drum does not turn", "دیگ نمی‌چرخد", "Il cestello non gira"),
    ("S10", "symptom", "wm", "Door will not open", "درب باز نمی‌شود", "L'oblò non si apre"),
    ("S11", "symptom", "wm", "Strong vibration", "لرزش شدید", "Vibrazioni eccessive"),
    ("S12", "symptom", "dw", "Air or water gets in", "نفوذ هوا یا آب", "Infiltrazioni"),
    ("S13", "symptom", "dw", "Hard to open or close", "به سختی باز و بسته می‌شود", "Si chiude male"),
    ("S14", "symptom", "dw", "Lock does not work", "قفل کار نمی‌کند", "La serratura non va"),
    ("S15", "symptom", "dw", "Condensation between panes", "بخار بین شیشه‌ها", "Condensa nel vetro"),
    ("S16", "symptom", "ac", "Ignores the remote", "به کنترل پاسخ نمی‌دهد", "Ignora il telecomando"),
    ("D01", "defect", "ac", "Refrigerant leak", "نشت گاز مبرد", "Perdita di refrigerante"),
    ("D02", "defect", "ac", "Compressor failure", "خرابی کمپرسور", "Compressore guasto"),
    ("D03", "defect", "ac wm", "Main board fault", "خرابی برد اصلی", "Scheda elettronica guasta"),
    ("D04", "defect", "ac", "Fan motor fault", "خرابی موتور فن", "Motore del ventilatore guasto"),
    ("D05", "defect", "ac wm", "Faulty sensor", "خرابی سنسور", "Sensore guasto"),
    ("D06", "defect", "ac wm", "Blocked drain", "گرفتگی مسیر تخلیه", "Scarico ostruito"),
    ("D07", "defect", "ac", "Capacitor failure", "خرابی خازن", "Condensatore guasto"),
    ("D08", "defect", "wm", "Worn drum bearings", "فرسودگی بلبرینگ دیگ", "Cuscinetti usurati"),
    ("D09", "defect", "wm", "Drain pump fault", "خرابی پمپ تخلیه", "Pompa di scarico guasta"),
    ("D10", "defect", "wm", "Door interlock fault", "خرابی قفل درب", "Bloccaporta guasto"),
    ("D11", "defect", "wm", "Heating element failure", "سوختن المنت", "Resistenza bruciata"),
    ("D12", "defect", "wm dw", "Damaged gasket", "آسیب لاستیک درزگیر", "Guarnizione danneggiata"),
    ("D13", "defect", "dw", "Sash out of alignment", "جابجایی لنگه", "Anta disallineata"),
    ("D14", "defect", "dw", "Broken hinge", "شکستگی لولا", "Cerniera rotta"),
    ("D15", "defect", "dw", "Glass unit leaks", "نشتی شیشه دوجداره", "Vetrocamera non a tenuta"),
    ("D16", "defect", "ac wm dw", "Installation error", "ایراد نصب", "Errore di installazione"),
    ("D17", "defect", "ac wm dw", "Misuse", "استفاده نادرست", "Uso improprio"),
    ("R01", "repair", "ac wm dw", "Part replaced", "تعویض قطعه", "Pezzo sostituito"),
    ("R02", "repair", "ac", "Refrigerant recharged", "شارژ گاز", "Ricarica del refrigerante"),
    ("R03", "repair", "ac", "Leak brazed", "نشت‌یابی و جوشکاری", "Perdita trovata e brasata"),
    ("R04", "repair", "ac wm", "Cleaned and serviced", "سرویس و شستشو", "Pulizia e manutenzione"),
    ("R05", "repair", "ac wm", "Drain cleared", "رفع گرفتگی", "Scarico liberato"),
    ("R06", "repair", "wm dw", "Adjusted", "تنظیم", "Regolazione"),
    ("R07", "repair", "ac wm", "Software updated", "به‌روزرسانی نرم‌افزار", "Software aggiornato"),
    ("R08", "repair", "ac wm dw", "Reinstalled", "نصب مجدد", "Reinstallazione"),
    ("R09", "repair", "wm dw", "Gasket replaced", "تعویض نوار درزگیر", "Guarnizione sostituita"),
    ("R10", "repair", "ac wm dw", "Unit replaced", "تعویض کامل دستگاه", "Apparecchio sostituito"),
    ("R11", "repair", "ac wm dw", "Customer instructed", "آموزش به مشتری", "Istruzioni al cliente"),
    ("R12", "repair", "ac wm dw", "No fault found", "ایرادی یافت نشد", "Nessun guasto riscontrato"),
]  # fmt: skip


@dataclass(frozen=True)
class City:
    country: str
    name: str
    region: str
    latitude: float
    longitude: float
    area_code: str  # landline prefix without the trunk 0 (IR) / with it (IT)
    agent: str | None  # code of the agent that services it; None: the maker's own technicians
    weight: int
    postal: str  # Italian CAP prefix or Iranian first digit
    belfiore: str = ""  # Italian municipality code, for the codice fiscale


CITIES = [
    City("IR", "تهران", "تهران", 35.6892, 51.3890, "21", "AG-THR", 30, "1"),
    City("IR", "کرج", "البرز", 35.8400, 50.9391, "26", "AG-THR", 8, "3"),
    City("IR", "قم", "قم", 34.6416, 50.8746, "25", "AG-THR", 3, "3"),
    City("IR", "اصفهان", "اصفهان", 32.6539, 51.6660, "31", "AG-ISF", 12, "8"),
    City("IR", "کاشان", "اصفهان", 33.9850, 51.4100, "31", "AG-ISF", 3, "8"),
    City("IR", "مشهد", "خراسان رضوی", 36.2605, 59.6168, "51", "AG-MHD", 12, "9"),
    City("IR", "نیشابور", "خراسان رضوی", 36.2133, 58.7958, "51", "AG-MHD", 2, "9"),
    City("IR", "شیراز", "فارس", 29.5918, 52.5837, "71", None, 7, "7"),
    City("IR", "تبریز", "آذربایجان شرقی", 38.0962, 46.2738, "41", None, 6, "5"),
    City("IR", "اهواز", "خوزستان", 31.3183, 48.6706, "61", None, 4, "6"),
    City("IT", "Milano", "Lombardia", 45.4642, 9.1900, "02", "AG-MIL", 9, "201", "F205"),
    City("IT", "Monza", "Lombardia", 45.5845, 9.2744, "039", "AG-MIL", 2, "209", "F704"),
    City("IT", "Bergamo", "Lombardia", 45.6983, 9.6773, "035", "AG-MIL", 2, "241", "A794"),
    City("IT", "Napoli", "Campania", 40.8518, 14.2681, "081", "AG-NAP", 7, "801", "F839"),
    City("IT", "Salerno", "Campania", 40.6824, 14.7681, "089", "AG-NAP", 2, "841", "H703"),
    City("IT", "Caserta", "Campania", 41.0725, 14.3311, "0823", "AG-NAP", 1, "811", "B963"),
    City("IT", "Roma", "Lazio", 41.9028, 12.4964, "06", None, 6, "001", "H501"),
    City("IT", "Torino", "Piemonte", 45.0703, 7.6869, "011", None, 4, "101", "L219"),
]
# Digits of an Italian landline subscriber number after each area code.
IT_LANDLINE_DIGITS = {"02": 8, "06": 8, "039": 7, "081": 7, "011": 7, "035": 6, "089": 6}
IT_LANDLINE_DIGITS["0823"] = 6

AGENTS = [
    {
        "code": "AG-THR",
        "name": "خدمات فنی پارس سرما",
        "country": "IR",
        "region": "تهران",
        "city": "تهران",
        "address": "خیابان ولیعصر، بالاتر از میدان ونک، پلاک ۲۱۴۰",
        "phone": "+982188776655",
        "email": "pars-sarma@example.com",
        "latitude": Decimal("35.757400"),
        "longitude": Decimal("51.409600"),
        "tax_code": "10102345674",
        "vat_number": "10102345674",
        "iban": "IR500170000000210045678001",
    },
    {
        "code": "AG-ISF",
        "name": "نقش جهان سرویس",
        "country": "IR",
        "region": "اصفهان",
        "city": "اصفهان",
        "address": "خیابان چهارباغ بالا، نبش کوچه ۱۲، پلاک ۴۵",
        "phone": "+983136654321",
        "email": "naghsh-service@example.com",
        "latitude": Decimal("32.643100"),
        "longitude": Decimal("51.667900"),
        "tax_code": "10863456783",
        "vat_number": "10863456783",
        "iban": "IR370120000000003456789012",
    },
    {
        "code": "AG-MHD",
        "name": "خدمات لوازم خانگی توس",
        "country": "IR",
        "region": "خراسان رضوی",
        "city": "مشهد",
        "address": "بلوار سجاد، سجاد ۱۴، پلاک ۸",
        "phone": "+985137612345",
        "email": "toos-service@example.com",
        "latitude": Decimal("36.322800"),
        "longitude": Decimal("59.548900"),
        "tax_code": "10869781235",
        "vat_number": "10869781235",
        "iban": "IR390550000000012345678901",
    },
    {
        "code": "AG-MIL",
        "name": "Assistenza Tecnica Lombarda S.r.l.",
        "country": "IT",
        "region": "Lombardia",
        "city": "Milano",
        "address": "Viale Monza 120",
        "phone": "+390226112233",
        "email": "assistenza-lombarda@example.it",
        "latitude": Decimal("45.505100"),
        "longitude": Decimal("9.221400"),
        "tax_code": "07623450157",
        "vat_number": "07623450157",
        "iban": "IT61X0306909606100000012345",
    },
    {
        "code": "AG-NAP",
        "name": "Partenope Service S.n.c.",
        "country": "IT",
        "region": "Campania",
        "city": "Napoli",
        "address": "Corso Garibaldi 215",
        "phone": "+390815540011",
        "email": "partenope-service@example.it",
        "latitude": Decimal("40.853700"),
        "longitude": Decimal("14.268400"),
        "tax_code": "08456120636",
        "vat_number": "08456120636",
        "iban": "IT75K0200803284000104567890",
    },
]
DEMO_AGENT_CODES = [agent["code"] for agent in AGENTS]

# (first name, last name, phone, agent code or None for the maker's own, category codes)
TECHNICIANS = [
    ("رضا", "موسوی", "+989121234501", None, "ac wm"),
    ("حمید", "صادقی", "+989121234502", None, "ac"),
    ("مهدی", "نوری", "+989171234503", None, "ac wm dw"),
    ("Stefano", "Ricci", "+393351234504", None, "ac wm"),
    ("Paolo", "Gentile", "+393281234505", None, "dw"),
    ("علی", "کاظمی", "+989121234506", "AG-THR", "ac"),
    ("امیر", "قاسمی", "+989351234507", "AG-THR", "ac wm"),
    ("سعید", "جعفری", "+989191234508", "AG-THR", "dw"),
    ("مجید", "رحیمی", "+989131234509", "AG-ISF", "ac wm"),
    ("فرهاد", "نجفی", "+989131234510", "AG-ISF", "ac dw"),
    ("محسن", "حیدری", "+989151234511", "AG-MHD", "ac wm"),
    ("کامران", "سلیمانی", "+989151234512", "AG-MHD", "ac"),
    ("Luca", "Colombo", "+393331234513", "AG-MIL", "ac wm"),
    ("Davide", "Fontana", "+393201234514", "AG-MIL", "ac dw"),
    ("Gennaro", "Esposito", "+393391234515", "AG-NAP", "ac wm dw"),
]

# --- people -------------------------------------------------------------------------------------
# Persian names with a Latin transliteration (for e-mail addresses).
FA_MALE = [
    ("محمد", "mohammad"), ("علی", "ali"), ("حسین", "hossein"), ("رضا", "reza"),
    ("مهدی", "mehdi"), ("امیر", "amir"), ("حسن", "hasan"), ("سعید", "saeed"),
    ("مجید", "majid"), ("حمید", "hamid"), ("محسن", "mohsen"), ("مصطفی", "mostafa"),
    ("جواد", "javad"), ("فرهاد", "farhad"), ("بهزاد", "behzad"), ("کامران", "kamran"),
    ("آرش", "arash"), ("پویا", "pouya"), ("سینا", "sina"), ("مهران", "mehran"),
    ("داریوش", "dariush"), ("کیوان", "keyvan"), ("بابک", "babak"), ("نیما", "nima"),
    ("امید", "omid"), ("مرتضی", "morteza"), ("احمد", "ahmad"), ("ابراهیم", "ebrahim"),
    ("محمدرضا", "mohammadreza"), ("علیرضا", "alireza"), ("یوسف", "yousef"), ("کوروش", "kourosh"),
]  # fmt: skip
FA_FEMALE = [
    ("فاطمه", "fatemeh"), ("زهرا", "zahra"), ("مریم", "maryam"), ("سارا", "sara"),
    ("نرگس", "narges"), ("لیلا", "leila"), ("مینا", "mina"), ("الهام", "elham"),
    ("شیرین", "shirin"), ("نازنین", "nazanin"), ("مهسا", "mahsa"), ("پریسا", "parisa"),
    ("سمیرا", "samira"), ("زینب", "zeynab"), ("معصومه", "masoumeh"), ("ریحانه", "reyhaneh"),
    ("هانیه", "haniyeh"), ("آزاده", "azadeh"), ("فرشته", "fereshteh"), ("نسرین", "nasrin"),
    ("شیما", "shima"), ("ساناز", "sanaz"), ("یاسمن", "yasaman"), ("کیمیا", "kimia"),
    ("الناز", "elnaz"), ("مهناز", "mahnaz"), ("طاهره", "tahereh"), ("آیدا", "aida"),
]  # fmt: skip
FA_LAST = [
    ("محمدی", "mohammadi"), ("حسینی", "hosseini"), ("احمدی", "ahmadi"), ("رضایی", "rezaei"),
    ("کریمی", "karimi"), ("موسوی", "mousavi"), ("جعفری", "jafari"), ("صادقی", "sadeghi"),
    ("رحیمی", "rahimi"), ("قاسمی", "ghasemi"), ("اکبری", "akbari"), ("حیدری", "heydari"),
    ("نوری", "nouri"), ("کاظمی", "kazemi"), ("مرادی", "moradi"), ("عباسی", "abbasi"),
    ("سلیمانی", "soleimani"), ("زارعی", "zarei"), ("محمودی", "mahmoudi"), ("تهرانی", "tehrani"),
    ("اصفهانی", "esfahani"), ("شیرازی", "shirazi"), ("فرهادی", "farhadi"), ("نجفی", "najafi"),
    ("یزدانی", "yazdani"), ("باقری", "bagheri"), ("صالحی", "salehi"), ("امینی", "amini"),
    ("شریفی", "sharifi"), ("عسگری", "asgari"), ("طاهری", "taheri"), ("ملکی", "maleki"),
    ("رستمی", "rostami"), ("نظری", "nazari"), ("خسروی", "khosravi"), ("قربانی", "ghorbani"),
    ("میرزایی", "mirzaei"), ("پورمحمدی", "pourmohammadi"), ("نیک‌نام", "niknam"),
    ("حسین‌زاده", "hosseinzadeh"), ("علی‌پور", "alipour"), ("کرمانی", "kermani"),
    ("دهقان", "dehghan"), ("ابراهیمی", "ebrahimi"), ("فتحی", "fathi"), ("بهرامی", "bahrami"),
    ("جهانگیری", "jahangiri"), ("افشار", "afshar"), ("توکلی", "tavakoli"), ("یوسفی", "yousefi"),
]  # fmt: skip
IT_MALE = [
    "Marco", "Luca", "Giuseppe", "Giovanni", "Francesco", "Antonio", "Alessandro", "Andrea",
    "Matteo", "Lorenzo", "Davide", "Simone", "Federico", "Stefano", "Paolo", "Roberto",
    "Salvatore", "Vincenzo", "Gennaro", "Ciro", "Massimo", "Fabio", "Riccardo", "Gabriele",
    "Emanuele", "Pietro", "Tommaso", "Michele", "Carlo", "Nicola",
]  # fmt: skip
IT_FEMALE = [
    "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Alessia", "Federica",
    "Elena", "Silvia", "Laura", "Anna", "Maria", "Paola", "Roberta", "Sofia", "Aurora",
    "Giorgia", "Alice", "Beatrice", "Carmela", "Rosa", "Antonella", "Ilaria", "Serena",
    "Lucia", "Teresa", "Angela",
]  # fmt: skip
IT_LAST = [
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
    "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso",
    "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale",
    "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa",
    "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini",
    "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina",
    "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa",
    "Carbone", "Giuliani", "Benedetti", "Barone", "Caputo", "Montanari", "Guerra", "Palmieri",
    "Bernardi", "Fiore", "De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras",
    "Sartori", "Neri", "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando",
]  # fmt: skip
FA_COMPANY = [
    "شرکت ساختمانی {}", "هتل {}", "رستوران {}", "شرکت بازرگانی {}", "مجتمع اداری {}",
    "کلینیک {}", "شرکت فنی مهندسی {}",
]  # fmt: skip
FA_COMPANY_WORDS = ["آفتاب", "پارسیان", "البرز", "سپهر", "آریا", "کوهستان", "ستاره", "نگین"]
IT_COMPANY = [
    "{} Costruzioni S.r.l.", "Hotel {}", "Ristorante {}", "{} & Figli S.n.c.",
    "Studio {} Associati", "{} Immobiliare S.p.A.",
]  # fmt: skip
IT_COMPANY_WORDS = ["Bellavista", "Belvedere", "Aurora", "Il Faro", "Miramare", "La Pergola"]

FA_STREETS = [
    "خیابان ولیعصر", "خیابان انقلاب", "خیابان آزادی", "بلوار کشاورز", "خیابان شریعتی",
    "خیابان امام خمینی", "بلوار معلم", "خیابان فردوسی", "خیابان حافظ", "خیابان سعدی",
    "بلوار پاسداران", "خیابان بهار", "بلوار ارغوان", "خیابان نسترن", "بلوار جمهوری",
    "خیابان مطهری", "خیابان طالقانی", "بلوار شهید بهشتی", "خیابان گلستان", "خیابان لاله",
]  # fmt: skip
IT_STREETS = [
    "Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Dante", "Via Mazzini",
    "Via Verdi", "Piazza Cavour", "Via Manzoni", "Via Cavour", "Viale della Repubblica",
    "Via XX Settembre", "Via Marconi", "Via Matteotti", "Corso Italia", "Via San Francesco",
    "Via dei Mille", "Via Leopardi", "Via Petrarca", "Via Carducci", "Via Trieste",
]  # fmt: skip
FA_LABELS = ["منزل", "منزل", "منزل", "محل کار", "ویلا"]
IT_LABELS = ["casa", "casa", "casa", "ufficio", "casa al mare"]
DEALERS = {
    "IR": [
        "فروشگاه مرکزی آستر", "لوازم خانگی امید", "فروشگاه بزرگ سپهر", "هایپر استار",
        "دیجی‌کالا", "لوازم خانگی برادران کریمی",
    ],
    "IT": ["MediaWorld", "Unieuro", "Euronics", "Expert", "Aster Store Milano", "Trony"],
}  # fmt: skip
# Mobile prefixes (after +98 / +39) that `phonenumbers` accepts.
IR_MOBILE = ["910", "911", "912", "913", "914", "915", "916", "917", "918", "919", "920",
             "921", "922", "930", "933", "935", "936", "937", "938", "939", "990", "991",
             "992", "993", "994"]  # fmt: skip
IT_MOBILE = ["320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "338",
             "339", "340", "342", "345", "346", "347", "348", "349", "351", "366", "368",
             "371", "377", "380", "388", "389", "392", "393"]  # fmt: skip


# --- identity numbers ---------------------------------------------------------------------------
def iran_national_code(rng: random.Random) -> str:
    """A random 10-digit Iranian national code whose last digit is the mod-11 check digit."""
    while True:
        body = f"{rng.randrange(1, 10**9):09d}"
        if len(set(body)) > 1:
            break
    total = sum(int(body[i]) * (10 - i) for i in range(9)) % 11
    return body + str(total if total < 2 else 11 - total)


_MONTHS = "ABCDEHLMPRST"


def _letters(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.upper() if ch.isalpha())


def _split(text: str) -> tuple[str, str]:
    letters = _letters(text)
    consonants = "".join(ch for ch in letters if ch not in "AEIOU")
    vowels = "".join(ch for ch in letters if ch in "AEIOU")
    return consonants, vowels


def codice_fiscale(
    first_name: str, last_name: str, birth: dt.date, female: bool, belfiore: str
) -> str:
    """The Italian tax code of a person, computed as the Agenzia delle Entrate does."""
    consonants, vowels = _split(last_name)
    surname = (consonants + vowels + "XXX")[:3]
    consonants, vowels = _split(first_name)
    if len(consonants) >= 4:
        name = consonants[0] + consonants[2] + consonants[3]
    else:
        name = (consonants + vowels + "XXX")[:3]
    day = birth.day + (40 if female else 0)
    body = f"{surname}{name}{birth.year % 100:02d}{_MONTHS[birth.month - 1]}{day:02d}{belfiore}"
    return body + codicefiscale.calc_check_digit(body)


def partita_iva(rng: random.Random) -> str:
    """A random Italian VAT number: 7 digits, a province office code, the Luhn check digit."""
    body = f"{rng.randrange(1, 10**7):07d}{rng.randrange(1, 101):03d}"
    return body + luhn_check_digit(body)
