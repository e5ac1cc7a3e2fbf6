"""Billing pages: tariffs, quotes, invoices and payments, revenue targets, the customer's own."""
