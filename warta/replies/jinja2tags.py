"""On a story: "Ajukan hak jawab" (the form, with the story chosen), the replies published
to it ("Hak jawab atas berita ini") and, on a reply, the story it answers."""

from jinja2.ext import Extension

from warta.core.addresses import reverse
from warta.core.jinja2 import inclusion

from .links import reply_links


def story_replies(context, page) -> dict:
    request = context.get("request")
    links = reply_links(request) if page.pk else None
    return {
        "replies": links.replies.get(page.pk, []) if links else [],
        "answered": links.answered.get(page.pk) if links else None,
        "form_url": f"{reverse('replies:form')}?story={page.pk}" if page.pk else "",
    }


class RepliesExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            story_replies=inclusion("replies/story_replies.html", story_replies, takes_context=True)
        )
