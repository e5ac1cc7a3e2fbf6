from django.urls import path

from .views import invoices, portal, quotes, sales, statements, targets, tariffs

app_name = "billing"

urlpatterns = [
    path("", invoices.InvoiceList.as_view(), name="invoices"),
    path("invoices/<int:pk>/", invoices.invoice_detail, name="invoice"),
    path("invoices/<int:pk>/pdf/", invoices.invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>/fatturapa/", invoices.invoice_fatturapa, name="invoice_fatturapa"),
    path("invoices/fatturapa.zip", invoices.invoices_fatturapa, name="invoices_fatturapa"),
    path("invoices/<int:pk>/issue/", invoices.invoice_issue, name="invoice_issue"),
    path("invoices/<int:pk>/lines/<int:line>/", invoices.invoice_line_edit, name="invoice_line"),
    path("invoices/<int:pk>/credit/", invoices.invoice_credit, name="invoice_credit"),
    path("invoices/<int:pk>/redraft/", invoices.invoice_redraft, name="invoice_redraft"),
    path("invoices/<int:pk>/payments/", invoices.payment_create, name="payment_create"),
    path("journal/", invoices.JournalList.as_view(), name="journal"),
    path("payments/", invoices.PaymentList.as_view(), name="payments"),
    path("bank-statements/", statements.BankStatementList.as_view(), name="statements"),
    path("bank-statements/new/", statements.statement_upload, name="statement_upload"),
    path("bank-statements/<int:pk>/", statements.statement_detail, name="statement"),
    path("visits/<int:pk>/invoice/", invoices.visit_invoice, name="visit_invoice"),
    path("visits/<int:pk>/job-sheet.pdf", invoices.job_sheet, name="job_sheet"),
    path("counter-sales/", sales.sales_to_invoice, name="sales"),
    path("counter-sales/<int:pk>/invoice/", sales.sale_invoice, name="sale_invoice"),
    path("quotes/", quotes.QuoteList.as_view(), name="quotes"),
    path("quotes/new/", quotes.quote_create, name="quote_create"),
    path("quotes/<int:pk>/", quotes.quote_detail, name="quote"),
    path("quotes/<int:pk>/pdf/", quotes.quote_pdf, name="quote_pdf"),
    path("quotes/<int:pk>/send/", quotes.quote_send, name="quote_send"),
    path("quotes/<int:pk>/withdraw/", quotes.quote_withdraw, name="quote_withdraw"),
    path("quotes/<int:pk>/answer/", quotes.quote_answer, name="quote_answer"),
    path("quotes/<int:pk>/decide/", quotes.portal_quote_decide, name="portal_quote_decide"),
    path("q/<str:token>/", quotes.quote_link, name="quote_link"),
    path("my/", portal.my_billing, name="portal"),
    path("tariffs/", tariffs.tariffs_home, name="tariffs_home"),
    path("tariffs/<slug:kind>/", tariffs.tariff_list, name="tariffs"),
    path("tariffs/<slug:kind>/new/", tariffs.tariff_create, name="tariff_create"),
    path("tariffs/<slug:kind>/<int:pk>/", tariffs.tariff_edit, name="tariff_edit"),
    path("targets/", targets.target_list, name="targets"),
    path("targets/new/", targets.target_create, name="target_create"),
    path("targets/<int:pk>/", targets.target_edit, name="target_edit"),
]
