"""Demo values for the publisher settings: the policy links a real outlet would publish.

Each points at one of the demo's standing pages (standing.py), at the heading that
answers it; an outlet changes them in Settings › Publisher settings.
"""

from wagtail.models import Site

from warta.discovery.models import PublisherSettings

DEMO_POLICY_LINKS = {
    "publishing_principles": "/pedoman-media-siber/",
    "ethics_policy": "/pedoman-media-siber/#kode-etik-jurnalistik",
    "corrections_policy": "/hak-jawab-dan-koreksi/#ralat-dan-koreksi",
    "verification_policy": "/pedoman-media-siber/#verifikasi-dan-keberimbangan-berita",
    "feedback_policy": "/hak-jawab-dan-koreksi/",
    "masthead": "/redaksi/",
    "ownership_funding": "/tentang-kami/#kepemilikan-dan-pendanaan",
}


def load_publisher_settings(site: Site) -> PublisherSettings:
    settings, _created = PublisherSettings.objects.update_or_create(
        site=site, defaults={**DEMO_POLICY_LINKS, "x_handle": "@wartademo"}
    )
    return settings
