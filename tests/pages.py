"""Reading rendered pages the way a browser does: the links of a page, the fields of a form.

Standard library only (``html.parser``). Tests that act "exactly as a user
does" take the form's own fields (CSRF token, formset management fields,
preselected options) from the page instead of building the POST by hand, so
a field the template stops rendering shows up as a failure.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Input types a browser never sends as plain name=value pairs.
_NOT_SENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class Form:
    """One ``<form>``: its method, action, id, and what a browser would send untouched."""

    method: str
    action: str
    id: str
    data: dict[str, list[str]] = field(default_factory=dict)
    #: Every field name the form renders (also unchecked boxes and file inputs).
    names: set[str] = field(default_factory=set)
    #: The option values of each select.
    options: dict[str, list[str]] = field(default_factory=dict)

    def submission(self, **values) -> dict:
        """The form's own data with ``values`` typed in; refuses a name the form does not have."""
        unknown = sorted(set(values) - self.names)
        if unknown:
            raise AssertionError(f"the form has no field named {', '.join(unknown)}")
        data = {name: list(sent) for name, sent in self.data.items()}
        data.update(values)
        return {
            name: value[0] if isinstance(value, list) and len(value) == 1 else value
            for name, value in data.items()
        }


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._select: tuple[str, bool] | None = None  # (name, multiple)
        self._select_first: str | None = None
        self._select_chosen = False
        self._option: dict | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    @property
    def _form(self) -> Form | None:
        return self.forms[-1] if self.forms and self._in_form else None

    _in_form = False

    def _send(self, name: str, value: str) -> None:
        if self._form is not None:
            self._form.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        elif tag == "form":
            self.forms.append(
                Form(
                    method=(attributes.get("method") or "get").lower(),
                    action=attributes.get("action", ""),
                    id=attributes.get("id", ""),
                )
            )
            self._in_form = True
        elif self._form is None:
            return
        elif tag == "input" and attributes.get("name"):
            name, kind = attributes["name"], attributes.get("type", "text").lower()
            self._form.names.add(name)
            if kind in _NOT_SENT or "disabled" in attributes:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self._send(name, attributes.get("value", "on"))
            else:
                self._send(name, attributes.get("value", ""))
        elif tag == "select" and attributes.get("name"):
            self._form.names.add(attributes["name"])
            self._select = (attributes["name"], "multiple" in attributes)
            self._select_first, self._select_chosen = None, False
        elif tag == "option" and self._select:
            self._option = {"value": attributes.get("value"), "selected": "selected" in attributes}
            self._text = []
        elif tag == "textarea" and attributes.get("name"):
            self._form.names.add(attributes["name"])
            self._textarea, self._text = attributes["name"], []

    def handle_data(self, data):
        if self._option is not None or self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "option" and self._option is not None and self._select:
            value = self._option["value"]
            value = "".join(self._text).strip() if value is None else value
            if self._select_first is None:
                self._select_first = value
            self._form.options.setdefault(self._select[0], []).append(value)
            if self._option["selected"]:
                self._send(self._select[0], value)
                self._select_chosen = True
            self._option = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            # A single select with nothing marked sends its first option.
            if not multiple and not self._select_chosen and self._select_first is not None:
                self._send(name, self._select_first)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self._send(self._textarea, text[1:] if text.startswith("\n") else text)
            self._textarea = None


def _parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser


def page_links(html: str) -> list[str]:
    """The ``href`` of every ``<a>`` on the page, in document order."""
    return _parse(html).links


def page_forms(html: str) -> list[Form]:
    """Every ``<form>`` on the page, in document order."""
    return _parse(html).forms


def page_form(html: str, *, method: str = "post", having: str = "") -> Form:
    """The one form with this method (and, when given, a field named ``having``)."""
    forms = [
        form
        for form in page_forms(html)
        if form.method == method and (not having or having in form.names)
    ]
    if len(forms) != 1:
        raise AssertionError(f"expected one {method.upper()} form, found {len(forms)}")
    return forms[0]
