"""`warta import-wordpress`: its options, its report and its errors."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper

from warta import cli
from warta.news.models import ArticlePage, SectionPage
from warta.wordpress import wxr
from warta.wordpress.management.commands.import_wordpress import ProgressBar
from warta.wordpress.models import ImportedItem

from .conftest import FIXTURES, NEWS, UPLOADS, said


def run(*args):
    out = io.StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_report_is_printed_and_written_as_json(db, media_root, tmp_path):
    """The summary goes to the terminal and, with --report, to a JSON file."""
    report = tmp_path / "laporan.json"
    output = run(NEWS, "--report", report)
    assert "Agus" not in output  # counts, not names, on the terminal
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["objects"]["post"]["imported"] == 8
    assert data["objects"]["post"]["skipped"] == 1
    assert data["comments_not_imported"] == 2
    assert data["views_carried_over"] == 1520 + 875 + 410
    assert {
        "kind": "post",
        "outcome": "skipped",
        "reason": said("in the trash"),
        "count": 1,
    } in data["reasons"]


def test_missing_photo_gives_exit_status_3(db, media_root):
    """With --media-dir, a missing photo is a failure: the rest is in, the status says so."""
    with pytest.raises(SystemExit) as exit_:
        run(NEWS, "--media-dir", UPLOADS)
    assert exit_.value.code == 3
    assert ImportedItem.objects.filter(kind="post").count() == 8


def test_dry_run_says_so_and_keeps_nothing(db, media_root):
    """--dry-run prints the report and a line saying nothing was kept."""
    output = run(NEWS, "--dry-run")
    assert not ImportedItem.objects.exists()
    assert output.splitlines()[0].strip()


def test_section_map_merges_and_renames(db, media_root, tmp_path):
    """kudus merged into daerah/pati; ekonomi becomes Bisnis at /bisnis/."""
    section_map = tmp_path / "rubrik.toml"
    section_map.write_text(
        '[sections]\nkudus = "daerah/pati"\nekonomi = { path = "bisnis", title = "Bisnis" }\n',
        encoding="utf-8",
    )
    run(NEWS, "--section-map", section_map)
    assert not SectionPage.objects.filter(slug="kudus").exists()
    assert SectionPage.objects.get(slug="bisnis").title == "Bisnis"
    festival = ArticlePage.objects.get(slug="festival-kopi-muria")
    assert festival.get_parent().url_path.endswith("/daerah/pati/")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kudus = 1", "no [sections] table"),
        ("[sections]\nkudus = 1", 'kudus: give a section path ("daerah/pati")'),
        ('[sections]\nkudus = "../etc"', "is not a section path"),
        ("[sections", "not a TOML file"),
    ],
)
def test_bad_section_map_is_refused_before_anything_is_imported(db, tmp_path, text, message):
    """A map that cannot be used stops the command with the file and the entry named."""
    section_map = tmp_path / "rubrik.toml"
    section_map.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="rubrik.toml") as error:
        run(NEWS, "--section-map", section_map)
    assert message in str(error.value)
    assert not ImportedItem.objects.exists()


def test_malformed_export_names_line_and_column(db):
    """A broken file stops with where and why, and says nothing was imported."""
    with pytest.raises(CommandError) as error:
        run(FIXTURES / "rusak.xml")
    with pytest.raises(wxr.WXRError) as reading:
        wxr.check(FIXTURES / "rusak.xml")
    assert reading.value.line and reading.value.column
    message = "%(path)s is not a usable WordPress export: %(reason)s; nothing was imported"
    assert str(error.value) == said(message, path=FIXTURES / "rusak.xml", reason=reading.value)


@pytest.mark.parametrize("option", [[], ["--media-dir", "/no/such/folder"]])
def test_missing_file_or_folder_is_named(db, option, tmp_path):
    """A missing export or uploads folder is an error naming it."""
    export = NEWS if option else tmp_path / "tidak-ada.xml"
    missing = "%(path)s: no such folder" if option else "%(path)s: no such file"
    with pytest.raises(CommandError) as error:
        run(export, *option)
    assert str(error.value) == said(missing, path=option[1] if option else export)


def test_warta_command_takes_the_hyphenated_name(db, capsys):
    """`warta import-wordpress` runs the import_wordpress command."""
    with pytest.raises(SystemExit) as exit_:
        cli.main(["import-wordpress", "/no/such/export.xml"])
    assert exit_.value.code != 0
    assert said("%(path)s: no such file", path="/no/such/export.xml") in capsys.readouterr().err


def test_progress_bar_draws_on_one_line():
    """The bar rewrites one line with its share done."""
    stream = io.StringIO()
    bar = ProgressBar(OutputWrapper(stream))
    bar(50, 100)
    bar(100, 100)
    bar.close()
    text = stream.getvalue()
    assert text.count("\r") == 2
    assert "50.0%" in text and "100.0%" in text
    assert text.endswith("\n")
