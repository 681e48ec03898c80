"""`annotext backup` (a consistent copy of the library now) and `annotext restore` (list the backups,
or put one back, keeping the state it replaces).
"""

from __future__ import annotations

from pathlib import Path

import click

from annotext.cli.common import echo, fail, open_library


@click.command()
@click.pass_context
def backup(ctx):
    """Make a consistent backup of the library now; prints its path."""
    library = open_library(ctx)
    path = library.backup()
    library.close()
    echo(str(path))


@click.command()
@click.argument("which", required=False)
@click.pass_context
def restore(ctx, which):
    """List backups (no argument), or restore one: a number from the list or a path."""
    from annotext.storage.backups import list_backups
    from annotext.storage.restore import restore_backup

    db = Path(ctx.obj["db"])
    backups = list_backups(db)
    if which is None:
        if not backups:
            echo(f"annotext: no backups of {db} yet", err=True)
        for number, item in enumerate(backups, start=1):
            echo(f"{number}\t{item.label}")
        for item in list_backups(db, include_unusable=True):
            if not item.usable:
                echo(f"-\t{item.label}")
        return
    if which.isdigit():
        index = int(which) - 1
        if not 0 <= index < len(backups):
            fail(f"there is no backup number {which} (see `annotext restore`)", 2)
        chosen = backups[index].path
    else:
        chosen = Path(which)
        if not chosen.is_file():
            fail(f"{chosen}: no such backup file", 2)
    kept = restore_backup(db, chosen)
    if kept is None:
        echo(f"restored {chosen} as {db} (there was no library there)")
    else:
        echo(f"restored {chosen} into {db} (the previous state is kept in {kept})")
