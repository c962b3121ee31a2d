"""How the revision comparison shows a yes/no field: in the admin's language.

Wagtail's comparison prints a boolean's Python value, "True" or "False", in every language.
"""

from django.db import models
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.admin.compare import FieldComparison, TextDiff, register_comparison_class


class YesNoFieldComparison(FieldComparison):
    """A boolean field as "Ya"/"Tidak" ("Yes"/"No"), struck out and added when it changed."""

    def htmldiff(self) -> str:
        before, after = (_("Yes") if value else _("No") for value in (self.val_a, self.val_b))
        if self.val_a == self.val_b:
            return escape(before)
        return TextDiff([("deletion", before), ("addition", after)]).to_html()


def register() -> None:
    register_comparison_class(models.BooleanField, comparison_class=YesNoFieldComparison)
