"""Directory text is text: never markup on screen, and refused at build, import, publish
and install when it is markup, a script link, hidden characters, huge, or not a UK phone."""

import csv
import json
import shutil
import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.db import signing
from app.db.build import build_directory
from app.db.bundle import Refused, publish
from app.db.directories import Locations, select_directory
from app.db.loader import load_graph
from app.db.search import DirectorySearch, searcher
from app.db.source import SourceError
from app.db.transfer import ImportRefused, export_directory, import_directory
from app.db.trust import KeySources
from app.pathways.engine import Pathway
from app.settings import UserSettings
from app.ui.main_window import MainWindow
from app.ui.plan.plan_text import plan_document_html
from tests.conftest import REPO
from tests.security.attacks import SHIPPED
from tests.ui.conftest import TODAY, walk

HOSTILE_NAME = '<a href="file:///etc/passwd">Call</a><img src="file:///tmp/x.png">'
HOSTILE_PHONE = '<h1 style="color:red">07700 900666</h1>'
MARKERS = ("<a href", "<img", "<h1")
WALSALL = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]["scenario"]


@pytest.fixture
def hostile_database(tmp_path):
    """What a bad file could hold if every check before the screen were bypassed."""
    path = tmp_path / "hostile.sqlite"
    shutil.copy(SHIPPED, path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE service SET name = ? WHERE id = 'bcwa'", (HOSTILE_NAME,))
        db.execute("UPDATE phone SET number = ? WHERE service_id = 'bcwa'", (HOSTILE_PHONE,))
        db.execute("UPDATE service_fts SET name = ? WHERE name LIKE 'Black Country%'", ("bcwa",))
    db.close()
    return path


def window_on(qtbot, database) -> MainWindow:
    """The window shown, on this directory database as it is (not re-checked)."""
    window = MainWindow(
        Pathway(load_graph(database)),
        UserSettings(),
        lambda: searcher(DirectorySearch(database)),
        lambda: TODAY,
        0,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_no_widget_renders_directory_text_as_markup(qtbot, hostile_database):
    window = window_on(qtbot, hostile_database)
    walk(qtbot, window, WALSALL)
    window.tabs.setCurrentWidget(window.directory)
    qtbot.keyClicks(window.directory.query, "bcwa")
    # the answer to "bcwa", not to the "b" typed before it
    qtbot.waitUntil(lambda: [h.id for h in window.directory.model.hits][:1] == ["bcwa"])
    window.directory.table.selectRow(0)
    shown = [label for label in window.findChildren(QLabel) if "07700 900666" in label.text()]
    assert len(shown) >= 2  # the plan card and the directory details both show the service
    for label in window.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.PlainText:
            continue
        assert not any(marker in label.text() for marker in MARKERS), label.objectName()
    html = plan_document_html(window.session.plan, TODAY)  # the PDF
    assert "&lt;img" in html and not any(marker in html for marker in MARKERS)


def source_with(tmp_path, **changes):
    """The shipped sources with one service row changed."""
    root = tmp_path / "resources"
    shutil.copytree(REPO / "resources" / "pathway", root / "pathway")
    shutil.copytree(REPO / "resources" / "services", root / "services")
    path = root / "services" / "services.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0].update(changes)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return root


BAD_FIELDS = {
    "website": ("javascript:alert(1)", "not an https:, http: or tel: link"),
    "name": ("<b>Emergency</b>", "HTML tags are not allowed"),
    "hours": ("24/7\u202e", "control or direction characters (U+202E)"),
    "notes": ("x" * 10_000, "more than the 4000 allowed"),
    "phone": ("+1 555 0100", "is not a UK phone number"),
}


@pytest.mark.parametrize("field", sorted(BAD_FIELDS))
def test_build_refuses_each_bad_field_naming_service_field_and_rule(tmp_path, field):
    value, rule = BAD_FIELDS[field]
    root = source_with(tmp_path, **{field: value})
    with pytest.raises(SourceError) as refused:
        build_directory(root, tmp_path / "out.sqlite")
    (problem,) = [p for p in refused.value.problems if rule in p]
    assert "emergency-999" in problem and len(problem) < 300
    assert not (tmp_path / "out.sqlite").exists()


def test_a_field_of_megabytes_is_refused_with_its_line(tmp_path):
    root = source_with(tmp_path, notes="x" * 10_000_000)
    with pytest.raises(SourceError) as refused:
        build_directory(root, tmp_path / "out.sqlite")
    assert refused.value.problems == ["services.csv line 2: field larger than field limit (131072)"]


def test_import_refuses_bad_fields_naming_each(tmp_path):
    exported = tmp_path / "directory.json"
    export_directory(SHIPPED, exported)
    services = json.loads(exported.read_text())
    services[0]["url"] = "file:///etc/passwd"
    services[1]["description"] = "<script>x</script>"
    services[2]["phones"][0]["number"] = "not a number 12"
    exported.write_text(json.dumps(services))
    with pytest.raises(ImportRefused) as refused:
        import_directory(exported, SHIPPED, tmp_path / "out.sqlite", merge_into_base=False)
    text = "\n".join(refused.value.problems)
    assert f"service {services[0]['id']}: service url" in text
    assert f"service {services[1]['id']}: service description: HTML tags" in text
    assert f"service {services[2]['id']}: phone number" in text


def test_publish_and_install_refuse_a_database_with_bad_fields(tmp_path, hostile_database):
    pair = signing.generate(tmp_path / "keys")
    with pytest.raises(Refused, match="breaks the directory's rules"):
        publish(hostile_database, pair.private_path, tmp_path / "out", "2026.12.1", date.today())
    assert not list((tmp_path / "out").glob("*.navdir")) if (tmp_path / "out").exists() else True


def test_an_installed_bundle_with_bad_fields_is_refused(tmp_path, hostile_database):
    """Signed by a trusted key, and still refused: the key holder made a mistake."""
    from tests.db.test_directories import forged  # a correctly signed bundle of any database

    pair = signing.generate(tmp_path / "keys")
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    shutil.copy(pair.public_path, trusted)
    where = Locations(
        shipped=SHIPPED,
        keys=KeySources(trusted),
        machine_updates=tmp_path / "machine",
    )
    sql = "UPDATE content_meta SET value = '2026.12.5' WHERE key = 'directory_version';"
    hostile = f"UPDATE service SET name = '{HOSTILE_NAME}' WHERE id = 'bcwa';"
    forged(where, pair, tmp_path, "2026.12.5", sql + hostile)
    choice = select_directory(where, date.today())
    assert choice.path == SHIPPED
    assert any("breaks the directory's rules" in r for r in choice.refused)


def test_question_text_is_shown_as_text(qtbot, tmp_path):
    path = tmp_path / "questions.sqlite"
    shutil.copy(SHIPPED, path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE question SET help = ? WHERE id = 'immediate_danger'", (HOSTILE_PHONE,))
    db.close()
    window = MainWindow(
        Pathway(load_graph(path)), UserSettings(), lambda: lambda *a, **k: [], lambda: TODAY, 0
    )
    qtbot.addWidget(window)
    page = window.question_page
    assert HOSTILE_PHONE in page.help.text()
    for label in (page.section, page.prompt, page.help):
        assert label.textFormat() == Qt.TextFormat.PlainText


def bcwa_in_the_directory_tab(qtbot, database):
    """The window at 1366×768 on this database, Black Country Women's Aid's details shown."""
    from app.ui.directory.directory_tab import DirectoryTab

    window = window_on(qtbot, database)
    window.resize(1366, 768)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.findChild(DirectoryTab) is not None)
    tab = window.findChild(DirectoryTab)
    tab.query.setText("black country")  # its index holds the name it was built with
    qtbot.waitUntil(lambda: any(hit.id == "bcwa" for hit in tab.model.hits))
    tab.table.selectRow([hit.id for hit in tab.model.hits].index("bcwa"))
    qtbot.wait(200)  # the layout settles, and a window would have grown meanwhile
    return window, tab


def test_a_word_too_long_for_the_screen_never_widens_the_window(qtbot, tmp_path):
    """A signed update's name of 190 letters without a space, shown in the Directory tab's
    details, widened the window to 2858 px with Quick exit off the screen (attack round,
    2026-12-02). The word is cut at the edge; the window keeps its size."""

    path = tmp_path / "long.sqlite"
    shutil.copy(SHIPPED, path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE service SET name = ? WHERE id = 'bcwa'", ("W" * 190,))
    db.close()
    window, tab = bcwa_in_the_directory_tab(qtbot, path)
    assert tab.details.text().startswith("W" * 190)
    assert window.width() == 1366


def test_notes_of_many_lines_never_make_the_window_taller(qtbot, tmp_path):
    """150 short lines of notes made the window 2982 px tall on a 768 px screen; at 24 pt
    the shipped details were cut with no scroll bar and the results shrank to 70 px
    (re-attack round, 2026-12-02). The details scroll, in at most two fifths of the tab."""
    path = tmp_path / "lines.sqlite"
    shutil.copy(SHIPPED, path)
    with sqlite3.connect(path) as db:
        notes = "\n".join(f"line {n}" for n in range(150))
        db.execute("UPDATE service SET notes = ? WHERE id = 'bcwa'", (notes,))
    db.close()
    window, tab = bcwa_in_the_directory_tab(qtbot, path)
    assert window.height() == 768
    assert tab.details_view.verticalScrollBar().maximum() > 0  # the rest is scrolled to
    assert tab.table.height() >= tab.height() // 2
