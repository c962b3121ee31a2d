"""What staff sign-in keeps: the failed attempts per account and per address, and whether
the two-step login is compulsory."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class LoginThrottle(models.Model):
    """Failed sign-ins of one account (its name, lower-cased) or from one address (IPv4,
    or an IPv6 /64), and until when further attempts are refused (warta.accounts.throttle).

    A row in the database rather than the cache: every worker and app server sees the
    same counts, and a restart forgives nobody."""

    ACCOUNT = "account"
    ADDRESS = "address"
    SCOPES = [(ACCOUNT, _("account")), (ADDRESS, _("address"))]

    scope = models.CharField(max_length=10, choices=SCOPES)
    key = models.CharField(max_length=200)
    failures = models.PositiveIntegerField(default=0)
    # How many times the limit was reached since the last forgiveness: the delay doubles each time.
    strikes = models.PositiveIntegerField(default=0)
    blocked_until = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(db_index=True)  # old rows are removed by it

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="unique_login_throttle")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}: {self.failures}"


@register_setting(icon="key")
class LoginSettings(BaseGenericSetting):
    """Sign-in rules the Pemimpin Redaksi sets for the whole newsroom."""

    two_step_required = models.BooleanField(
        _("two-step login required for all staff"),
        default=False,
        help_text=_(
            "Every staff member must then sign in with a code from an authenticator app "
            "as well as the password. Whoever has not set one up is led to do so first."
        ),
    )

    class Meta:
        verbose_name = _("staff sign-in")
