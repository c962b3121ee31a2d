"""Indexes that make Wagtail's PostgreSQL full-text search fast at 100,000 articles.

Wagtail's database backend matches `title || body` of its index entries and joins
them to the pages on `page_ptr_id::varchar(50) = object_id`. Without these two
indexes PostgreSQL reads every index entry (the concatenation cannot use the GIN
indexes on each column alone) and every article row for each search. Both
indexes are expressions identical to what Wagtail's query contains, so the
planner can use them. SQLite (FTS5) needs neither.
"""

from django.db import migrations


def index_statements(apps) -> list[tuple[str, str]]:
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    articles = apps.get_model("news", "ArticlePage")._meta.db_table
    return [
        (
            "warta_search_title_body_gin",
            f'CREATE INDEX IF NOT EXISTS warta_search_title_body_gin ON "{entries}" '
            f"USING gin ((title || body))",
        ),
        (
            "warta_search_article_object_id",
            f'CREATE INDEX IF NOT EXISTS warta_search_article_object_id ON "{articles}" '
            f"(((page_ptr_id)::varchar(50)))",
        ),
    ]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _name, statement in index_statements(apps):
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _statement in index_statements(apps):
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
