"""The search page ``/cari/``: the form, then the results grouped by kind or one kind paged."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import selectors
from search.forms import SearchForm


@require_GET
def search(request):
    kinds = selectors.search_kinds(user=request.user)
    # No query yet (the header link, a first visit): the empty form, without errors.
    form = SearchForm(request.GET if "q" in request.GET else None, kinds=kinds)
    outcome = None
    if form.is_valid():
        outcome = selectors.search(
            user=request.user,
            request=request,
            query=form.cleaned_data["q"],
            kind=form.cleaned_data["type"],
        )
    valid = outcome is not None
    kind = form.cleaned_data["type"] if valid else ""
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "outcome": outcome,
            "query": form.cleaned_data["q"] if valid else "",
            "kind": kind,
            "kind_label": dict(kinds).get(kind, ""),
        },
    )
