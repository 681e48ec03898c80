"""Storage: the only package with SQL. One SQLite file per library, accessed through sqlite-utils."""
