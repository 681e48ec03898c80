"""Export from the GUI: the dialog's choices become options; the file is written off the GUI thread."""

from pathlib import Path

from annotext.gui.export_dialog import ExportDialog


def test_dialog_choices_become_options(qtbot, make_window, open_sample, tmp_path):
    window = make_window()
    open_sample(window)
    dialog = ExportDialog(window, ["PERSON", "GPE"], [], "report", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.labels.item(1).setCheckState(dialog.labels.item(1).checkState().Unchecked)
    dialog.people.setChecked(False)
    fmt, path, options, excel = dialog.request()
    assert fmt == "md" and path == Path(tmp_path) / "report.md"
    assert options.entity_labels == {"PERSON"} and options.people is False and excel is False


def test_export_runs_in_background_and_writes_the_file(qtbot, make_window, open_sample, tmp_path):
    window = make_window()
    doc = open_sample(window)
    window.export_runner.ask_to_open = False
    out = tmp_path / "report.html"
    items = window.library.report_items([doc])
    with qtbot.waitSignal(window.export_runner.done, timeout=60_000) as blocker:
        window.export_runner.start(items, [], "html", out, None, False)
    assert blocker.args == [str(out)]
    assert "Alicja Bachulska" in out.read_text(encoding="utf-8")
    assert "Exported to" in window.status_label.text()


def test_pdf_export_from_the_gui(qtbot, make_window, open_sample, tmp_path):
    window = make_window()
    doc = open_sample(window)
    window.export_runner.ask_to_open = False
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(window.export_runner.done, timeout=60_000):
        window.export_runner.start(window.library.report_items([doc]), [], "pdf", out, None, False)
    assert out.read_bytes().startswith(b"%PDF")


def test_backup_and_about_from_the_menu(qtbot, make_window, open_sample, monkeypatch):
    from annotext.gui import window_actions
    from annotext.storage.backups import list_backups

    window = make_window(model_name="none")
    open_sample(window)
    window.menu_actions.backup_now()
    assert [b.reason for b in list_backups(window.library.path)] == ["manual"]
    shown = []
    monkeypatch.setattr(window_actions, "show_message", lambda *args, **kw: shown.append(args[2]))
    window.menu_actions.show_about()
    assert "Qt 6." in shown[0] and "spaCy" in shown[0]


def test_export_dialog_refuses_the_library_and_asks_before_replacing(qtbot, make_window, tmp_path, monkeypatch):
    from annotext.gui import export_dialog

    window = make_window(model_name="none")
    asked = []
    answer = {"yes": False}

    def fake_message(_parent, _title, text, question=False, info=False):
        asked.append((text, question))
        return answer["yes"] if question else True

    monkeypatch.setattr(export_dialog, "show_message", fake_message)
    library = window.library.path
    dialog = ExportDialog(window, [], [], "report", str(tmp_path), library_path=library)
    qtbot.addWidget(dialog)
    before = library.read_bytes()
    for target in (library, Path(f"{library}-wal"), tmp_path):
        dialog.path.setText(str(target))
        dialog.accept()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert asked[-1][1] is False and ("choose another file name" in asked[-1][0] or "folder" in asked[-1][0])
    existing = tmp_path / "old.html"
    existing.write_text("previous export")
    dialog.path.setText(str(existing))
    dialog.accept()
    assert asked[-1] == (f"{existing} already exists.\nReplace it?", True)
    assert dialog.result() != dialog.DialogCode.Accepted
    answer["yes"] = True
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert library.read_bytes() == before and existing.read_text() == "previous export"


def test_export_runner_refuses_the_library_as_target(qtbot, make_window, open_sample, monkeypatch):
    from annotext.gui import export_dialog

    window = make_window(model_name="none")
    doc = open_sample(window)
    shown = []
    monkeypatch.setattr(export_dialog, "show_message", lambda *args, **kw: shown.append(args[2]))
    library = window.library.path
    before = library.read_bytes()
    with qtbot.waitSignal(window.export_runner.done, timeout=10_000) as blocker:
        window.export_runner.start(window.library.report_items([doc]), [], "csv", library, None, False)
    assert blocker.args == [""]
    assert "open library" in shown[0]
    assert library.read_bytes() == before
