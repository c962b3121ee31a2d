"""The renditions reader pages show, by the filter spec that makes each.

Lists prefetch the renditions they show in one query, publication makes them before a
reader waits for one (warta.news.signals), and the templates name them by these
constants (as `image_specs` in Jinja2).
"""

LEAD_IMAGE_SPEC = "fill-1200x675-c80"  # an article's lead photo, and the large card on top
CARD_IMAGE_SPEC = "fill-480x270-c75"
PERSON_PHOTO_SPEC = "fill-160x160"
BODY_IMAGE_SPEC = "width-960"  # a photo in an article's body
# Link previews (WhatsApp drops JPEGs over 300 KB) and structured data's 1:1 and 4:3
# images (16:9 is LEAD_IMAGE_SPEC); warta.discovery uses them.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
SQUARE_IMAGE_SPEC = "fill-1200x1200-c80|format-jpeg|jpegquality-80"
FOUR_THREE_IMAGE_SPEC = "fill-1200x900-c80|format-jpeg|jpegquality-80"

# A card shows the small rendition, or the lead one when it is the large card on top.
CARD_IMAGE_SPECS = (CARD_IMAGE_SPEC, LEAD_IMAGE_SPEC)
# Everything an article page shows: its lead, body photos, share and structured-data
# images, and the cards beside it.
READING_IMAGE_SPECS = (
    LEAD_IMAGE_SPEC,
    BODY_IMAGE_SPEC,
    SHARE_IMAGE_SPEC,
    SQUARE_IMAGE_SPEC,
    FOUR_THREE_IMAGE_SPEC,
    CARD_IMAGE_SPEC,
)
