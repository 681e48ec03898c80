"""The application layer: the services the GUI and the CLI use (open a library, import, analyse with
caching, apply and undo edits). It is the only layer that combines storage, importers and analysis
results; `annotext.core` below it holds plain data and pure functions only (docs/architecture.md)."""
