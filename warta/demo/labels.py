"""The demo's labelled stories: one awaiting verification, one made with the help of AI
(with an AI-generated illustration) and one advertorial.

Each is a story of its own, written like content.ARTICLES and made by the loader's
`_article` (passed in), then labelled and published again. Loading again refreshes them.
"""

from collections.abc import Callable
from datetime import timedelta

from django.utils.html import escape

from warta.images.models import ImageAIUse
from warta.news.models import ArticlePage
from warta.news.models.disclosure import AIUse

AWAITING_VERIFICATION = {
    "slug": "foto-retakan-tanggul-silugonggo-beredar-bpbd-pati-memeriksa",
    "title": "Foto Retakan Tanggul Silugonggo Beredar, BPBD Pati Turun Memeriksa",
    "section": "daerah/pati",
    "dateline": "Pati",
    "summary": (
        "Foto retakan memanjang di tanggul Sungai Silugonggo beredar di grup percakapan "
        "warga Juwana. BPBD Pati belum dapat memastikan lokasi dan waktu pengambilan foto."
    ),
    "body": [
        (
            "paragraph",
            "Sebuah foto yang memperlihatkan retakan memanjang di badan tanggul Sungai "
            "Silugonggo beredar di sejumlah grup percakapan warga Kecamatan Juwana sejak Senin "
            "pagi. Pengirim foto menyebut retakan itu berada di sisi utara tanggul, tidak jauh "
            "dari permukiman.",
        ),
        (
            "paragraph",
            "Badan Penanggulangan Bencana Daerah (BPBD) Pati menyatakan telah mengirim tim ke "
            "sepanjang tanggul untuk mencocokkan foto tersebut dengan kondisi di lapangan. "
            "Hingga berita ini ditulis, tim belum menemukan retakan serupa dan belum dapat "
            "memastikan kapan serta di mana foto itu diambil.",
        ),
        (
            "paragraph",
            "Warga diminta tetap tenang, tidak menyebarkan ulang foto yang belum jelas "
            "sumbernya, dan melapor ke posko BPBD bila melihat kerusakan tanggul.",
        ),
    ],
    "tags": ["BPBD Pati", "Sungai Silugonggo", "Tanggul"],
    "reporters": ["agus-gunawan"],
    "editor": "eko-darmawan",
    "hours_ago": 2,
    "views": 640,
}

MADE_WITH_AI = {
    "slug": "tiga-gambaran-rob-pesisir-rembang-jika-muka-laut-terus-naik",
    "title": "Tiga Gambaran Rob di Pesisir Rembang Jika Muka Laut Terus Naik",
    "section": "daerah/rembang",
    "dateline": "Rembang",
    "summary": (
        "Kajian kampus di Semarang memetakan tiga kemungkinan genangan rob di pesisir "
        "Rembang. Ilustrasi dalam berita ini dibuat dengan kecerdasan artifisial."
    ),
    "body": [
        (
            "paragraph",
            "Tim peneliti dari sebuah perguruan tinggi di Semarang memaparkan tiga kemungkinan "
            "genangan rob di pesisir Rembang dalam lokakarya bersama pemerintah desa pesisir. "
            "Ketiganya disusun dari data pasang surut, penurunan muka tanah, dan kenaikan muka "
            "laut yang tercatat dalam sepuluh tahun terakhir.",
        ),
        (
            "paragraph",
            "Pada gambaran paling ringan, rob hanya menggenangi tambak dan jalan desa saat "
            "pasang tertinggi. Pada gambaran terberat, genangan masuk ke permukiman di lima "
            "desa pesisir hampir setiap bulan.",
        ),
        (
            "paragraph",
            "Untuk membantu pembaca membayangkan perbedaan ketiganya, redaksi membuat "
            "ilustrasi dengan kecerdasan artifisial. Ilustrasi itu bukan foto kejadian "
            "sebenarnya. Ringkasan kajian berbahasa Inggris juga diterjemahkan dengan bantuan "
            "alat yang sama, lalu diperiksa oleh redaktur.",
        ),
    ],
    "tags": ["Rob", "Pesisir Rembang", "Perubahan Iklim"],
    "reporters": ["siti-fatimah"],
    "editor": "ratna-kusumawati",
    "hours_ago": 20,
    "views": 310,
}
AI_TOOL = "ChatGPT"
AI_IMAGE_TOOL = "Stable Diffusion"
AI_IMAGE_CAPTION = "Ilustrasi genangan rob di permukiman pesisir Rembang."

ADVERTORIAL = {
    "slug": "koperasi-tani-makmur-buka-gerai-pupuk-organik-di-tayu",
    "title": "Koperasi Tani Makmur Buka Gerai Pupuk Organik di Tayu",
    "section": "ekonomi",
    "dateline": "Pati",
    "summary": (
        "Koperasi Tani Makmur membuka gerai pupuk organik ketiganya di Tayu, lengkap dengan "
        "layanan uji tanah untuk anggota."
    ),
    "body": [
        (
            "paragraph",
            "Koperasi Tani Makmur membuka gerai pupuk organik di Kecamatan Tayu. Gerai ini "
            "melayani anggota dan petani umum setiap hari, dari pukul 07.00 hingga 16.00.",
        ),
        (
            "paragraph",
            "Selain menjual pupuk kompos dan pupuk organik cair, gerai menyediakan layanan uji "
            "tanah sederhana agar petani dapat menakar pemupukan sesuai kebutuhan lahannya.",
        ),
    ],
    "tags": ["Pertanian", "Koperasi"],
    "reporters": ["hendra-wijaya"],
    "editor": "eko-darmawan",
    "hours_ago": 10,
    "views": 150,
}
SPONSOR = "Koperasi Tani Makmur"
SPONSOR_LINK = (
    '<p>Informasi lebih lanjut: <a href="https://tanimakmur.example/gerai">'
    "tanimakmur.example</a>.</p>"
)


def load_labelled_stories(sections, people, now, make_article: Callable) -> list[ArticlePage]:
    """`make_article(entry, sections, people, now)`: the loader's story maker."""
    stories = []
    for entry, label in (
        (AWAITING_VERIFICATION, awaiting_verification),
        (MADE_WITH_AI, made_with_ai),
        (ADVERTORIAL, advertorial),
    ):
        article = make_article(
            {"updated_hours_ago": None, "credit_line": "", **entry}, sections, people, now
        )
        label(article)
        article.save_revision().publish()
        published = now - timedelta(hours=entry["hours_ago"])
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=published, last_published_at=published
        )
        stories.append(article)
    return stories


def awaiting_verification(article: ArticlePage) -> None:
    article.needs_verification = True
    article.verified_follow_up = None


def made_with_ai(article: ArticlePage) -> None:
    article.ai_used = True
    article.ai_uses = [AIUse.TRANSLATION, AIUse.IMAGE_GENERATION]
    article.ai_tool = f"{AI_TOOL}, {AI_IMAGE_TOOL}"
    image = article.main_image
    image.caption = image.description = AI_IMAGE_CAPTION
    image.credit = ""
    image.ai_use, image.ai_tool = ImageAIUse.GENERATED, AI_IMAGE_TOOL
    image.save()
    article.main_image_caption = AI_IMAGE_CAPTION


def advertorial(article: ArticlePage) -> None:
    article.is_sponsored = True
    article.sponsor_name = SPONSOR
    paragraphs = [f"<p>{escape(text)}</p>" for _kind, text in ADVERTORIAL["body"]]
    article.body = [("paragraph", html) for html in [*paragraphs, SPONSOR_LINK]]
