"""The demo's press duties (warta.press): a corrected story and a retracted one.

The correction is on a story of content.ARTICLES; the retracted story exists only to be
retracted, so every list of the demo keeps its stories. Times are relative to the load,
as the stories' are; loading again refreshes instead of duplicating.
"""

from datetime import timedelta

from warta.news.models import ArticlePage, ArticleReporter
from warta.press.models import Correction, Retraction
from warta.press.retractions import retract

CORRECTED_SLUG = "harga-cabai-rawit-pasar-puri-pati-tembus-rp70-ribu"
CORRECTION = {
    "text": (
        "Versi awal berita ini menyebut harga cabai rawit merah pekan lalu Rp48.000 per "
        "kilogram. Yang benar, pekan lalu harganya Rp38.000 per kilogram. Angka itu telah "
        "kami perbaiki di dalam berita."
    ),
    "apology": "Redaksi memohon maaf kepada pembaca atas kekeliruan tersebut.",
    "hours_ago": 3,
}

RETRACTED = {
    "slug": "siswi-smp-korban-perundungan-di-rembang-dirawat",
    "title": "Siswi SMP Korban Perundungan di Rembang Dirawat di Puskesmas",
    "section": "daerah/rembang",
    "dateline": "Rembang",
    "summary": "Seorang siswi SMP di Rembang dirawat setelah dirundung teman sekolahnya.",
    "body": (
        "<p>Seorang siswi sekolah menengah pertama di Rembang dirawat di puskesmas setelah "
        "dirundung sejumlah teman sekolahnya.</p>"
    ),
    "reporter": "dimas-prasetyo",
    "hours_ago": 30,
    "retracted_hours_ago": 26,
    "ground": Retraction.Ground.CHILD,
    "explanation": (
        "Redaksi mencabut berita ini karena memuat nama sekolah dan inisial korban yang "
        "masih di bawah umur, sehingga identitas anak dapat dikenali. Hal itu bertentangan "
        "dengan Pasal 5 Kode Etik Jurnalistik dan Pedoman Pemberitaan Ramah Anak. Kami "
        "memohon maaf kepada korban dan keluarganya."
    ),
}


def load_press_duties(sections, people, now, make_image) -> None:
    """`make_image(key, title, caption, credit)`: the loader's demo photo maker."""
    corrected_story(now)
    retracted_story(sections, people, now, make_image)


def corrected_story(now) -> Correction:
    article = ArticlePage.objects.get(slug=CORRECTED_SLUG)
    correction, _created = Correction.objects.update_or_create(
        article=article,
        text=CORRECTION["text"],
        defaults={
            "apology": CORRECTION["apology"],
            "corrected_at": now - timedelta(hours=CORRECTION["hours_ago"]),
        },
    )
    return correction


def retracted_story(sections, people, now, make_image) -> Retraction:
    article = ArticlePage.objects.filter(slug=RETRACTED["slug"]).first()
    if article is None:
        article = ArticlePage(
            slug=RETRACTED["slug"],
            title=RETRACTED["title"],
            dateline=RETRACTED["dateline"],
            summary=RETRACTED["summary"],
            body=[("paragraph", RETRACTED["body"])],
            published_at=now - timedelta(hours=RETRACTED["hours_ago"]),
        )
        reporter = people[RETRACTED["reporter"]]
        article.main_image = make_image(
            RETRACTED["slug"], RETRACTED["title"], RETRACTED["summary"], f"Warta/{reporter.name}"
        )
        article.reporter_links = [ArticleReporter(person=reporter)]
        sections[RETRACTED["section"]].add_child(instance=article)
        article.save_revision().publish()
    retraction = Retraction.objects.filter(article=article).first()
    if retraction is None:
        article.refresh_from_db()
        retraction = retract(article, None, RETRACTED["ground"], RETRACTED["explanation"])
    retraction.retracted_at = now - timedelta(hours=RETRACTED["retracted_hours_ago"])
    retraction.save(update_fields=["retracted_at"])
    ArticlePage.objects.filter(pk=article.pk).update(
        published_at=now - timedelta(hours=RETRACTED["hours_ago"])
    )
    return retraction
