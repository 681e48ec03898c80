"""Annotext: read an article with its entities and quotations highlighted, tag it, export it."""

__version__ = "0.1.0"
APP_NAME = "Annotext"
