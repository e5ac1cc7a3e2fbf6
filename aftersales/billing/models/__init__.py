"""Billing records: tariffs (what work costs), quotes, invoices and credit notes, payments,
revenue targets. Write only through `aftersales.billing.services`."""

from .documents import Invoice, InvoiceLine, Payment, Quote, QuoteLine
from .statements import BankStatement
from .targets import RevenueTarget
from .tariffs import Company, FixedPrice, LabourRate, TaxRate, TravelZone

__all__ = [
    "BankStatement",
    "Company",
    "FixedPrice",
    "Invoice",
    "InvoiceLine",
    "LabourRate",
    "Payment",
    "Quote",
    "QuoteLine",
    "RevenueTarget",
    "TaxRate",
    "TravelZone",
]
