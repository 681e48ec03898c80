"""PyInstaller entry point: the same launcher as the `annotext` command."""

from annotext.launcher import run

if __name__ == "__main__":
    run()
