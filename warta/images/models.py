"""News images: Wagtail's image with the caption and credit a newsroom prints under every photo."""

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

from warta.core.caches import lru
from warta.core.queries import PreparedQuery, prepared


class ImageAIUse(models.TextChoices):
    """How artificial intelligence made an image (Peraturan Dewan Pers 1/2025), each with
    the IPTC digital source type that says the same to machines (schema.org's names)."""

    GENERATED = "generated", _("Generated with artificial intelligence")
    EDITED = "edited", _("Edited with artificial intelligence")


# schema.org's members of IPTCDigitalSourceEnumeration for each use.
DIGITAL_SOURCE_TYPES = {
    ImageAIUse.GENERATED: "https://schema.org/TrainedAlgorithmicMediaDigitalSource",
    ImageAIUse.EDITED: "https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource",
}


class NewsImage(AbstractImage):
    """An image in the library, with its default caption and credit.

    Caption and credit live on the image so a photo reused across stories keeps
    its attribution; an article may still override both where it places the image.
    """

    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or agency.")
    )
    ai_use = models.CharField(
        _("use of artificial intelligence"),
        max_length=20,
        blank=True,
        choices=ImageAIUse.choices,
        help_text=_("Readers see a label under the image wherever it is shown."),
    )
    ai_tool = models.CharField(
        _("AI tool"), max_length=120, blank=True, help_text=_("For example Midjourney.")
    )

    # Wagtail's own `description` field is the alternative text.
    admin_form_fields = (*Image.admin_form_fields, "caption", "credit", "ai_use", "ai_tool")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    def clean(self):
        super().clean()
        if self.ai_tool.strip() and not self.ai_use:
            raise ValidationError(
                {
                    "ai_use": _(
                        "Choose how artificial intelligence made the image, or clear the tool."
                    )
                }
            )

    @property
    def ai_label(self) -> str:
        """The label under an image made with AI: "Generated with artificial intelligence
        (Midjourney)"; "" for an image made without."""
        if not self.ai_use:
            return ""
        label = str(ImageAIUse(self.ai_use).label)
        return f"{label} ({self.ai_tool})" if self.ai_tool else label

    @property
    def digital_source_type(self) -> str:
        """The IPTC digital source type of an image made with AI, as schema.org names it."""
        return DIGITAL_SOURCE_TYPES.get(self.ai_use, "")

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
