"""Building: fingerprints and state, rendering in workers, publishing atomically."""
