"""The workforce's pages."""
