"""The customer portal has no models of its own: it shows the customer's own records."""
