"""News images: Wagtail's image with the caption and credit a newsroom prints under every photo."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

from warta.core.caches import lru
from warta.core.queries import PreparedQuery, prepared


class NewsImage(AbstractImage):
    """An image in the library, with its default caption and credit.

    Caption and credit live on the image so a photo reused across stories keeps
    its attribution; an article may still override both where it places the image.
    """

    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or agency.")
    )

    # Wagtail's own `description` field is the alternative text.
    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    # Wagtail makes a new Filter for every rendition asked for, and parses its spec
    # into operations again each time; a page asks for the same few specs over and over.
    def get_rendition(self, filter):
        filter = self.clean_filter_for_svg(shared_filter(filter))
        if (prefetched := getattr(self, "prefetched_renditions", None)) is not None:
            # Reader pages prefetch what they show (prefetch_renditions below). Wagtail
            # would group them by spec, work out the focal point key twice and write the
            # one found back to its cache.
            focal_point_key = filter.get_cache_key(self)
            for rendition in prefetched:
                if (
                    rendition.filter_spec == filter.spec
                    and rendition.focal_point_key == focal_point_key
                ):
                    return rendition
        return super().get_rendition(filter)

    def get_renditions(self, *filters):
        return super().get_renditions(*map(shared_filter, filters))


def shared_filter(filter: Filter | str) -> Filter:
    """One Filter per spec per process, its parsed operations kept with it."""
    return _filter_for_spec(filter if isinstance(filter, str) else filter.spec)


@lru(
    "image-filters",
    maxsize=256,
    key="a rendition's filter spec",
    invalidated_by="nothing: a spec always means the same operations",
)
def _filter_for_spec(spec: str) -> Filter:
    return Filter(spec=spec)


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def prefetch_renditions(images: Iterable[NewsImage | None], specs: tuple[str, ...]) -> None:
    """Load the renditions of `images` made with `specs` in one query, where Wagtail's
    `get_rendition` finds them. The query is compiled once per number of images, rounded
    up to a power of two (the list is padded with its first id), and per set of specs."""
    # Stories sharing a photo each hold their own instance of it: all of them get the list.
    instances = defaultdict(list)
    for image in images:
        if image is not None:
            instances[image.pk].append(image)
    if not instances:
        return
    ids = list(instances)
    size = 1 << (len(ids) - 1).bit_length()
    ids += ids[:1] * (size - len(ids))
    query = prepared(("renditions", size, specs), lambda: renditions_query(size, specs))
    found = defaultdict(list)
    for rendition in query.run(**{f"image{n}": pk for n, pk in enumerate(ids)}):
        NewsRendition.image.field.set_cached_value(rendition, instances[rendition.image_id][0])
        found[rendition.image_id].append(rendition)
    for pk, same_image in instances.items():
        for image in same_image:
            image.prefetched_renditions = found[pk]


def renditions_query(size: int, specs: tuple[str, ...]) -> PreparedQuery:
    """The renditions made with `specs` of `size` images (`image0`, `image1`, ...)."""
    return PreparedQuery(
        lambda **images: NewsRendition.objects.filter(
            image_id__in=list(images.values()), filter_spec__in=specs
        ),
        **{f"image{n}": NewsRendition._meta.pk for n in range(size)},
    )
