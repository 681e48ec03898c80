"""`python -m annotext` runs the same entry point as the `annotext` command."""

from annotext.cli import main

if __name__ == "__main__":
    main()
