from django.apps import AppConfig


class IntegrityConfig(AppConfig):
    """Keeps gambling spam, hidden links and defacement out of what the site publishes."""

    name = "warta.integrity"
    label = "integrity"
    verbose_name = "Integrity"

    def ready(self):
        from .forms import guard_admin_forms

        guard_admin_forms()
