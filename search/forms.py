from django import forms
from django.utils.translation import gettext_lazy as _

#: Shorter queries match too much to be useful (and cannot use the trigram index).
MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 100


class SearchForm(forms.Form):
    """The search box: the words, and optionally one kind of result (the kinds the user may see)."""

    q = forms.CharField(
        label=_("Search for"),
        min_length=MIN_QUERY_LENGTH,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={
            "required": _("Enter what to search for"),
            "min_length": _("Enter at least %(limit_value)d characters to search for"),
            "max_length": _("Search with at most %(limit_value)d characters"),
        },
    )
    type = forms.ChoiceField(
        label=_("Only"),
        required=False,
        error_messages={"invalid_choice": _("Choose a kind of result from the list")},
    )

    def __init__(self, *args, kinds: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All kinds")), *kinds]
