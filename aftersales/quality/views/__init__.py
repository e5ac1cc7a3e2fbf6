"""Staff pages of quality and reliability: analytics, early warnings, corrective actions,
customers' needs and the process of each service type."""
