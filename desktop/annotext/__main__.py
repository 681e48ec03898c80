"""`python -m annotext` runs the same entry point as the `annotext` command."""

from annotext.launcher import run

if __name__ == "__main__":
    run()
