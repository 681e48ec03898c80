"""The layers of docs/architecture.md ("Layers"): Qt and spaCy stay in their packages, imports follow the layers."""

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "annotext"
QT_FREE = ["core", "analysis", "storage", "importers", "export"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


PDF_EXCEPTION = PACKAGE / "export" / "pdf.py"  # docs/architecture.md, "Layers": PDF export may use QtGui, without widgets


def test_qt_free_packages_do_not_import_qt_in_source():
    offenders = []
    for package in QT_FREE:
        for path in (PACKAGE / package).rglob("*.py"):
            imports = _imports(path)
            if path == PDF_EXCEPTION:
                imports = {name for name in imports if name not in {"PySide6.QtCore", "PySide6.QtGui"}}
            if any(name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("annotext.gui")
                   for name in imports):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_spacy_only_imported_in_analysis():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "analysis" in path.parts:
            continue
        if any(name.split(".")[0] in {"spacy", "thinc"} for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_importing_qt_free_packages_loads_no_qt():
    modules = []
    for package in QT_FREE:
        for path in sorted((PACKAGE / package).rglob("*.py")):
            relative = path.relative_to(PACKAGE.parent).with_suffix("")
            modules.append(".".join(relative.parts).removesuffix(".__init__"))
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(modules) > 10


def test_no_unused_imports_or_undefined_names():
    """pyflakes over the application, tests and benchmarks: dead imports and typos fail the build."""
    root = PACKAGE.parents[1]
    run = subprocess.run([sys.executable, "-m", "pyflakes", str(root / "desktop"), str(root / "tests"),
                          str(root / "benchmarks")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_import_layers_and_no_cycles():
    """The import-linter contracts of pyproject.toml (layers, no cycles between sibling modules) hold.

    lint-imports reads imports inside functions too, so a lazy import cannot hide a layer violation."""
    root = PACKAGE.parents[1]
    lint = Path(sys.executable).with_name("lint-imports")
    assert lint.exists(), "install the test extra: pip install -e '.[test]' (import-linter)"
    run = subprocess.run([str(lint), "--no-cache"], cwd=root, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(root / "desktop")})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


def test_gui_and_cli_change_the_library_only_through_the_application_layer():
    """No `.repo` or `.db` in the GUI or the command line: every change is an Edit applied by the
    Library (or one of its service methods), never a repository write."""
    offenders = []
    paths = [*(PACKAGE / "gui").rglob("*.py"), *(PACKAGE / "cli").rglob("*.py"), PACKAGE / "app.py"]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"repo", "db"}:
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_sql_is_written_only_in_storage():
    """The application layer asks storage for what it needs; it never runs a query of its own."""
    offenders = []
    for path in (PACKAGE / "application").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in {"execute", "executemany", "executescript", "query"}:
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_comments_point_at_sections_of_the_architecture_document():
    """docs/architecture.md is the design of record: every pointer names one of its sections, and
    nothing cites a design document outside the repository."""
    import re

    root = PACKAGE.parents[1]
    headings = set(re.findall(r"^## (.+)$", (root / "docs" / "architecture.md").read_text(encoding="utf-8"), re.M))
    pointers, stray = [], []
    for path in [*(root / "desktop").rglob("*.py"), *(root / "tests").rglob("*.py"), *(root / "benchmarks").rglob("*.py")]:
        if path.name == "test_architecture.py":
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'architecture\.md[,(]?\s*(?:\(?)"([^"]+)"', text):
            pointers.append((path.name, match.group(1)))
        if re.search(r"DESIGN §|shared/DESIGN", text):
            stray.append(path.name)
    assert pointers and stray == []
    assert [p for p in pointers if p[1] not in headings] == []


def test_no_private_name_is_imported_from_another_module():
    """A name starting with "_" is its module's own business; what another module needs is public."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("annotext"):
                offenders += [f"{path.relative_to(PACKAGE)}: {node.module}.{alias.name}" for alias in node.names
                              if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert offenders == []
