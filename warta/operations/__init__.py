"""Operating a Warta site: backups of the whole site and their restore (docs/operations.md)."""
