"""Reading WordPress sites into Warta: the export reader and, later, the importer."""
