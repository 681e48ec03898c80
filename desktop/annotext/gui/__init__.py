"""The thin PySide6 layer over annotext.core: widgets, threads and wiring, no business logic."""
