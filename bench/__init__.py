"""The benchmark of versus: synthetic catalogs (:mod:`bench.catalog`) and the runner (``bench/run.py``)."""
