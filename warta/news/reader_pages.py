"""What every page type readers are served shares, besides the newsroom's fields.

Its addresses are kept by the worker (page_addresses.py), its view restrictions are
known without a query when none apply (restrictions.py), and a page read from the
database is built by Django's constructor alone (the pages-from-rows shortcut,
warta.core.compat.orm.page_from_row).
"""

from warta.core import compat
from warta.core.compat.orm import page_from_row

from .page_addresses import AddressKept
from .restrictions import ViewRestrictionsKnown


class ReaderPage(AddressKept, ViewRestrictionsKnown):
    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        if len(values) == len(cls._meta.concrete_fields) and compat.on("pages-from-rows"):
            return page_from_row(cls, db, values, fetch_mode)
        return super().from_db(db, field_names, values, fetch_mode=fetch_mode)
