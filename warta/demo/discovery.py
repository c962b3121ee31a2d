"""Demo values for the publisher settings: the policy links a real outlet would publish.

The demo has no policy pages of its own, so the links are placeholder paths on the
site; an outlet replaces them in Settings › Publisher settings.
"""

from wagtail.models import Site

from warta.discovery.models import PublisherSettings

DEMO_POLICY_LINKS = {
    "publishing_principles": "/redaksi/pedoman-pemberitaan-media-siber/",
    "ethics_policy": "/redaksi/kode-etik-jurnalistik/",
    "corrections_policy": "/redaksi/ralat-dan-koreksi/",
    "verification_policy": "/redaksi/verifikasi-fakta/",
    "feedback_policy": "/redaksi/hak-jawab/",
    "masthead": "/redaksi/susunan-redaksi/",
    "ownership_funding": "/redaksi/kepemilikan/",
}


def load_publisher_settings(site: Site) -> PublisherSettings:
    settings, _created = PublisherSettings.objects.update_or_create(
        site=site, defaults={**DEMO_POLICY_LINKS, "x_handle": "@wartademo"}
    )
    return settings
