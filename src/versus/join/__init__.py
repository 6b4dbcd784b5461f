"""Joining the models: each model's profile and columns once, then tables and pairs."""
