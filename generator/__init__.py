"""Newspaper archive generator: raw OCR pages → content/ → static site."""

__version__ = "0.1.0"
