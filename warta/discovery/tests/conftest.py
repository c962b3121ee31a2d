"""Fixtures for the discovery tests: the shared validators (schemas, schema.org vocabulary)."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
# In CI and on developers' machines the validators sit beside the repository, in ../shared.
SHARED = Path(os.environ.get("WARTA_SHARED_DIR", REPO.parent / "shared"))
VALIDATORS = SHARED / "validators"


@pytest.fixture(scope="session")
def validators() -> Path:
    if not (VALIDATORS / "xsd" / "sitemap-all-local.xsd").exists():
        pytest.skip(
            f"the shared validators are not at {VALIDATORS} (a bare clone has no ../shared)"
        )
    return VALIDATORS


@pytest.fixture(scope="session")
def urlset_schema(validators):
    from lxml import etree

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(validators / "xsd" / "sitemap-all-local.xsd"), parser))


@pytest.fixture(scope="session")
def sitemap_index_schema(validators):
    from lxml import etree

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(validators / "xsd" / "siteindex.xsd"), parser))
