"""`versus serve`: the live preview (watch, live state, HTTP server, injected HTML)."""
