"""One search box over the portal: ``/cari/``.

The top layer beside ``office``: it reads ``reports``, ``coordination`` and
``bawaslu_portal``; nothing imports it except the root URLs and settings.
"""
