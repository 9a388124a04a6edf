"""Views of the reports app, one module per feature.

``intake``, ``cases``, ``workflow``, ``public``, ``exports``, ``documents``: each named like the
feature's module in the other layers.
"""
