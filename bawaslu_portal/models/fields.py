"""Field factories for the declarations every app repeats.

``link`` spells a foreign key in one line. The default is the portal's usual choice,
``PROTECT`` (a referenced record cannot vanish under a meeting or a report); ``optional=True``
is the other usual one: the link may be empty and empties itself (``SET_NULL``) when its
target is deleted. ``parent_link`` is the link a tree (regions, agencies) keeps to its parent.
The fields they return are the same ``ForeignKey`` as written out, so adopting them changes
no column and no migration.
"""

from django.db import models


def link(
    to,
    verbose_name,
    *,
    on_delete=models.PROTECT,
    optional: bool = False,
    **options,
) -> models.ForeignKey:
    if optional:
        on_delete = models.SET_NULL
        options.update(null=True, blank=True)
    return models.ForeignKey(to, verbose_name=verbose_name, on_delete=on_delete, **options)


def parent_link(verbose_name, **options) -> models.ForeignKey:
    """The link up a tree of one model (regions, agencies): empty at the root, protected
    like any ``link``, with ``children`` as the way down."""
    return link("self", verbose_name, null=True, blank=True, related_name="children", **options)
