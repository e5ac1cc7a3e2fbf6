"""Models of the warranty app."""
