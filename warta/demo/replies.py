"""The demo's right of reply: the lawyer of a former village head answers the story of his
client's detention, and the reply is published as a story of its own, linked from the story
(PPMS point 4)."""

from datetime import datetime, timedelta

from wagtail.models import Page

from warta.news.models import ArticlePage
from warta.replies.models import ReplyStatus, ReplySubmission
from warta.replies.stories import make_reply_story

ANSWERED_SLUG = "kejari-kudus-tahan-mantan-kades-tersangka-korupsi-dana-desa"
SENDER = "Danang Prasetya, kuasa hukum SH"
REPLY = {
    "name": SENDER,
    "contact": "danang.prasetya@contoh.id",
    "text": (
        "Saya, Danang Prasetya, selaku kuasa hukum SH, menyampaikan hak jawab atas berita "
        "penahanan klien kami oleh Kejari Kudus.\n\n"
        "Berita itu menyebut ada kegiatan dana desa yang diduga fiktif. Klien kami menyatakan "
        "seluruh kegiatan dalam dua tahun anggaran tersebut dikerjakan, dan dokumentasinya telah "
        "kami serahkan kepada penyidik. Selisih volume pekerjaan talut, menurut kami, berasal "
        "dari perubahan desain yang disepakati dalam musyawarah desa.\n\n"
        "Klien kami menghormati proses hukum dan akan kooperatif. Kami meminta publik tetap "
        "menjunjung asas praduga tak bersalah sampai ada putusan pengadilan yang berkekuatan "
        "hukum tetap.\n\n"
        "Terima kasih atas kesempatan menyampaikan hak jawab ini."
    ),
    "hours_ago": 6,
    "received_hours_ago": 11,
}


def load_reply(now: datetime) -> ReplySubmission | None:
    """Send the demo reply and publish its story, once; run again, it refreshes the times."""
    story = ArticlePage.objects.filter(slug=ANSWERED_SLUG).first()
    if story is None:
        return None
    submission = ReplySubmission.objects.filter(story=story, name=SENDER).first()
    if submission is None:
        submission = ReplySubmission(
            story=story,
            story_title=story.title,
            name=REPLY["name"],
            contact=REPLY["contact"],
            text=REPLY["text"],
            submitted_at=now - timedelta(hours=REPLY["received_hours_ago"]),
        )
        submission.save_new()
    page = submission.reply_page or make_reply_story(submission, None)
    # As newsrooms do, the reply carries the answered story's photo, captioned as such.
    page.main_image = story.main_image
    page.main_image_caption = "Ilustrasi: foto dari berita yang dijawab."
    page.published_at = now - timedelta(hours=REPLY["hours_ago"])
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(
        first_published_at=page.published_at, last_published_at=page.published_at
    )
    submission.refresh_from_db()
    if submission.status != ReplyStatus.PUBLISHED:  # published before the signal knew it
        submission.status = ReplyStatus.PUBLISHED
        submission.save(update_fields=["status"])
    return submission
