"""Renditions read for a page in one query, and filter specs parsed once per process."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from warta.images.models import prefetch_renditions, shared_filter
from warta.news.factories import NewsImageFactory

pytestmark = pytest.mark.django_db

SPECS = ("fill-40x20", "width-30")


@pytest.mark.parametrize("count", [1, 3, 5])
def test_renditions_of_several_images_come_in_one_query(count):
    """Each image gets its own renditions back (the padded id list repeats none), and
    asking for them afterwards reads nothing more from the database."""
    images = NewsImageFactory.create_batch(count)
    made = {image.pk: image.get_renditions(*SPECS) for image in images}
    fresh = [type(image).objects.get(pk=image.pk) for image in images]

    with CaptureQueriesContext(connection) as queries:
        prefetch_renditions([*fresh, None, fresh[0]], SPECS)
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        for image in fresh:
            found = image.get_renditions(*SPECS)
            assert {spec: r.file.name for spec, r in found.items()} == {
                spec: r.file.name for spec, r in made[image.pk].items()
            }
            assert all(r.image is image for r in found.values())
    assert len(queries) == 0


def test_every_instance_of_a_shared_photo_gets_its_renditions():
    """Stories sharing a photo each load their own instance of it."""
    image = NewsImageFactory()
    image.get_renditions(*SPECS)
    instances = [type(image).objects.get(pk=image.pk) for _ in range(3)]
    prefetch_renditions(instances, SPECS)
    with CaptureQueriesContext(connection) as queries:
        for instance in instances:
            assert set(instance.get_renditions(*SPECS)) == set(SPECS)
    assert len(queries) == 0


def test_a_rendition_not_made_yet_is_made_on_request():
    image = NewsImageFactory()
    prefetch_renditions([image], SPECS)
    assert image.prefetched_renditions == []
    rendition = image.get_rendition("width-30")
    assert rendition.width == 30
    assert image.get_rendition("width-30").pk == rendition.pk


def test_filters_are_shared_per_spec():
    assert shared_filter("width-30") is shared_filter("width-30")
    assert shared_filter(shared_filter("fill-40x20")) is shared_filter("fill-40x20")
    assert shared_filter("width-30") is not shared_filter("width-31")


def test_a_prefetched_rendition_is_found_by_spec_and_focal_point():
    """`get_rendition` takes a prefetched rendition made with the spec and the image's
    current focal point, and nothing else: after the focal point moves, a cropped spec
    needs a new rendition, while a spec that ignores it keeps its own."""
    image = NewsImageFactory()
    made = image.get_renditions(*SPECS)
    fresh = type(image).objects.get(pk=image.pk)
    prefetch_renditions([fresh], SPECS)
    with CaptureQueriesContext(connection) as queries:
        for spec in SPECS:
            assert fresh.get_rendition(spec).file.name == made[spec].file.name
    assert len(queries) == 0

    fresh.focal_point_x, fresh.focal_point_y = 10, 5
    fresh.focal_point_width = fresh.focal_point_height = 4
    fresh.save()
    assert fresh.get_rendition("width-30").file.name == made["width-30"].file.name
    cropped = fresh.get_rendition("fill-40x20")
    assert cropped.file.name != made["fill-40x20"].file.name
    assert cropped.focal_point_key == shared_filter("fill-40x20").get_cache_key(fresh)
