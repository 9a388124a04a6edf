"""Models of the office app, one module per feature (imported here so Django registers them)."""
