"""versus: a static-site generator for side-by-side AI model comparisons."""
