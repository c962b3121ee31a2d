from django.apps import AppConfig
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """Listed before every wagtail.* app, so its templates and catalogue come first."""

    name = "warta.backoffice"
    label = "backoffice"
    verbose_name = "Backoffice"

    def ready(self):
        # Some of Wagtail's wagtail_hooks modules translate labels as they are imported (the
        # group editor's permission names). Import them now in the site language, so the
        # admin's labels do not depend on the language of whichever request came first.
        from wagtail import hooks

        with translation.override(settings.LANGUAGE_CODE):
            hooks.search_for_hooks()

        # Wagtail's page-permission form (the group editor) gives its page field no label,
        # so Django printed the field's name, "Page", in every language.
        from wagtail.users.forms import PagePermissionsForm

        PagePermissionsForm.base_fields["page"].label = _("Page")

        # Revisions compared show a yes/no field in the admin's language, not True/False.
        from warta.backoffice import compare

        compare.register()
