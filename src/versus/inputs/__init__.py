"""Reading the project: files, YAML with positions, schemas, checks, the loader and its cache."""
