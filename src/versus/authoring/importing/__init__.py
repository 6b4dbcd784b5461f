"""``versus import``: results of evaluation harnesses turned into result files.

Each reader turns one harness's output into records of the neutral format
(:class:`~versus.authoring.importing.records.ImportRecord`, one per prompt):
:mod:`.neutral` reads that format itself (JSON Lines or CSV), :mod:`.inspectlog` Inspect
AI eval logs, :mod:`.lmmseval` lmms-eval sample logs. :mod:`.writer` maps the records
onto the project (models, suites, prompts, categories), refuses every record it cannot
map, and writes each run's result and outcomes, or nothing.
"""
