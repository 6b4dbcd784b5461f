"""`versus serve`: the live preview."""
