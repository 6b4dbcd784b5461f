"""Helping contributors write files: new cards and results, JSON Schemas for editors."""
