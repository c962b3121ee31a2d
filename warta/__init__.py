"""Warta: a news-publishing platform for regional newsrooms, Indonesian first."""

__version__ = "0.1.0"
