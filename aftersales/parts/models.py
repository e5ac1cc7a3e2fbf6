"""Models of the parts app."""
