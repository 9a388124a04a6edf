"""Pagination that never counts a big table without a bound.

``COUNT(*)`` over a million reports or 83,762 kelurahan is slow on
PostgreSQL; the count is therefore capped: we count at most ``cap`` rows
(``SELECT COUNT(*) FROM (… LIMIT cap)``) and show "1.000+" beyond that. Pages
end at the cap: past it, officials narrow the list with its filters.
"""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.utils.functional import cached_property

DEFAULT_PER_PAGE = 25


class CappedCountPaginator(Paginator):
    """A Paginator whose ``count`` is bounded by ``cap`` (``count_is_capped`` tells)."""

    def __init__(self, *args, cap: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cap = cap or settings.ADMIN_COUNT_LIMIT

    @cached_property
    def count(self) -> int:
        object_list = self.object_list
        if hasattr(object_list, "query"):
            return object_list.order_by()[: self.cap + 1].count()
        return len(object_list)

    @property
    def count_is_capped(self) -> bool:
        return self.count > self.cap


def paginate(request, queryset, per_page: int = DEFAULT_PER_PAGE):
    """The requested page of ``queryset`` (page 1 for junk or out-of-range numbers)."""
    paginator = CappedCountPaginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        return paginator.page(1)
