"""The command line documents itself (in the style of sqlite-utils' test_docs.py): every click command
and sub-command has help, and the README's command-line section names each one."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from annotext.cli import main
from annotext.launcher import gui_arguments

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(main))


def test_there_are_commands_to_check():
    assert len(COMMANDS) > 20


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(path, command):
    assert command.help and command.help.strip(), f"`annotext {' '.join(path)}` has no help text"
    assert command.get_short_help_str(), path


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_is_in_the_readme(path, command):
    """`annotext GROUP … SUB` on one README line (sub-commands may be listed as `a|b`)."""
    group, *rest = path
    lines = [line for line in README.splitlines() if re.search(rf"\bannotext {re.escape(group)}\b", line)]
    assert lines, f"the README never shows `annotext {group}`"
    for word in rest:
        assert any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", line.split(f"annotext {group}", 1)[1])
                   for line in lines), f"the README never shows `annotext {' '.join(path)}`"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_the_fast_gui_launch_never_takes_a_command_for_a_file(name):
    """The launcher opens the GUI without importing click only for a path-like FILE; every command
    name is a plain word, so click always sees the commands (the launcher keeps no list of them)."""
    assert re.fullmatch(r"[a-z][a-z-]*", name), name
    assert gui_arguments([name]) is None and gui_arguments(["--db", "x.sqlite", name, "1"]) is None


def test_the_scripts_in_docs_import_only_names_that_exist():
    """docs/*.py (screenshots, report pictures) run by hand, not in `make test`: at least every name
    they import from annotext must still exist, so a renamed function cannot silently break them."""
    import ast
    import importlib

    missing = []
    for script in sorted((Path(__file__).resolve().parents[1] / "docs").glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("annotext"):
                module = importlib.import_module(node.module)
                missing += [f"{script.name}: {node.module}.{alias.name}" for alias in node.names
                            if not hasattr(module, alias.name)]
    assert missing == []
