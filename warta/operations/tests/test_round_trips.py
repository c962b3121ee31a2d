"""Round trips: a backup restored into a new site, on SQLite, on PostgreSQL and from SQLite
to PostgreSQL (the way a growing site moves), brings back everything that was there."""

import pytest

from .conftest import as_json, needs_postgresql
from .fingerprint import site_fingerprint

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("source", "target"),
    [
        pytest.param("sqlite", "sqlite", id="sqlite-to-sqlite"),
        pytest.param(
            "postgresql", "postgresql", id="postgresql-to-postgresql", marks=needs_postgresql
        ),
        pytest.param("sqlite", "postgresql", id="sqlite-to-postgresql", marks=needs_postgresql),
    ],
)
def test_a_restored_site_holds_what_the_backed_up_one_held(
    source, target, newsroom, archive_from, other_sites
):
    """Articles, revisions, people, images and their files, redirects, views and reactions
    are identical after a restore into an empty site, and search finds the same stories."""
    before = as_json(site_fingerprint())
    assert before["found"] == [newsroom.lead.pk] and before["reactions"] and before["attachments"]
    archive = archive_from(source)
    site = other_sites(target)
    site.run("restore", str(archive))
    assert site.fingerprint() == before
