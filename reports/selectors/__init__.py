"""Reads of the reports app, one module per feature (``cases``, ``documents``, ``exports``, …).

Every read an official sees goes through the jurisdiction scope. Import from
the feature module: ``from reports.selectors.cases import report_list``.
"""
