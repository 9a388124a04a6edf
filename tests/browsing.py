"""A person at a browser, over the Django test client: what a page shows and what its forms send.

Builds on ``tests.pages`` (links and forms read with the standard library) and adds
what a journey across several people needs:

- :class:`Browser`: one person's browser: a test client that enforces CSRF, asks for
  English, sends a user agent (a phone's, for a citizen) and may be logged in; it
  opens pages and submits the forms they render, following redirects.
- :class:`Page`: a response read as a person reads it: its visible text, the text of
  an element by ``data-testid`` or by the heading that labels it, its links, and its
  forms with each field's type, whether the page marks it required or invalid, and
  the form's submit buttons.
- :func:`fill_in` and :func:`complete`: the answers a person gives, plus a plausible
  value for every empty field the page marks required (or, after a try, invalid), so
  a journey keeps working when a form gains a field or is split into steps.
"""

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.test import Client
from django.utils import timezone

from tests.pages import Form, _PageParser

BACKEND = "bawaslu_portal.backends.UsernameOrEmailBackend"
DESKTOP_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)
#: A 390 px wide phone, as most citizens file.
PHONE_USER_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_INVISIBLE = {"script", "style", "template", "title"}


@dataclass
class Field:
    """One named control of a form (all radios or checkboxes of a name together)."""

    name: str
    #: The input type, or "select", "select-multiple", "textarea".
    kind: str
    required: bool = False
    invalid: bool = False
    #: The values of a radio or checkbox group.
    choices: list[str] = field(default_factory=list)


@dataclass
class Button:
    name: str
    value: str
    hidden: bool


@dataclass
class RichForm(Form):
    """A form with its controls described and its submit buttons, in document order."""

    fields: dict[str, Field] = field(default_factory=dict)
    buttons: list[Button] = field(default_factory=list)
    #: The URL of the page the form came from (where an action-less form posts).
    origin: str = ""


class _FormParser(_PageParser):
    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "form":
            plain = self.forms[-1]
            self.forms[-1] = RichForm(method=plain.method, action=plain.action, id=plain.id)
            return
        form = self._form
        attributes = {key: value or "" for key, value in attrs}
        if form is None or tag not in {"input", "select", "textarea", "button"}:
            return
        kind = attributes.get("type", "submit" if tag == "button" else "text").lower()
        if kind == "submit":
            form.buttons.append(
                Button(
                    attributes.get("name", ""), attributes.get("value", ""), "hidden" in attributes
                )
            )
            return
        name = attributes.get("name")
        if not name or tag == "button":
            return
        if tag == "select":
            kind = "select-multiple" if "multiple" in attributes else "select"
        elif tag == "textarea":
            kind = "textarea"
        control = form.fields.setdefault(name, Field(name, kind))
        control.required |= "required" in attributes
        control.invalid |= (
            "is-invalid" in attributes.get("class", "").split()
            or attributes.get("aria-invalid") == "true"
        )
        if kind in {"radio", "checkbox"}:
            control.choices.append(attributes.get("value", "on"))


class _TextParser(HTMLParser):
    """The visible text of a page, of its ``<h1>`` and of every element with an id, test id,
    role or label."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.elements: list[tuple[str, dict, list[str]]] = []
        self._open: list[tuple[str, int | None]] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._write(" ")
        if tag in _VOID:
            return
        attributes = {key: value or "" for key, value in attrs}
        index = None
        if tag == "h1" or {"id", "data-testid", "aria-labelledby", "role"} & set(attributes):
            self.elements.append((tag, attributes, []))
            index = len(self.elements) - 1
        self._open.append((tag, index))
        if tag in _INVISIBLE:
            self._hidden += 1

    def handle_endtag(self, tag):
        self._write(" ")
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                for closed, _index in self._open[depth:]:
                    if closed in _INVISIBLE:
                        self._hidden -= 1
                del self._open[depth:]
                return

    def handle_data(self, data):
        self._write(data)

    def _write(self, data):
        if self._hidden:
            return
        self.chunks.append(data)
        for _tag, index in self._open:
            if index is not None:
                self.elements[index][2].append(data)


def _squash(chunks) -> str:
    return re.sub(r"\s+", " ", "".join(chunks)).strip()


class Page:
    """A response as the person sees it (after any redirects)."""

    def __init__(self, response):
        self.response = response
        self.status = response.status_code
        self.html = response.content.decode()
        query = response.request.get("QUERY_STRING", "")
        self.url = response.request["PATH_INFO"] + (f"?{query}" if query else "")
        self.redirects = [url for url, _status in getattr(response, "redirect_chain", [])]
        self._text = None

    def __repr__(self):
        return f"<Page {self.status} {self.url}>"

    def _parse_text(self) -> _TextParser:
        if self._text is None:
            self._text = _TextParser()
            self._text.feed(self.html)
            self._text.close()
        return self._text

    @property
    def text(self) -> str:
        """Everything a sighted reader sees, whitespace squashed."""
        return _squash(self._parse_text().chunks)

    def texts(self, attribute: str, value: str) -> list[str]:
        """The text of every element whose ``attribute`` is ``value``, in document order."""
        return [
            _squash(chunks)
            for _tag, attributes, chunks in self._parse_text().elements
            if attributes.get(attribute) == value
        ]

    @property
    def heading(self) -> str:
        """The text of the page's ``<h1>``."""
        found = [_squash(chunks) for tag, _a, chunks in self._parse_text().elements if tag == "h1"]
        assert found, f"{self.url} has no heading"
        return found[0]

    def testid(self, name: str) -> str | None:
        """The text of the first ``data-testid=name`` element, or None when there is none."""
        found = self.texts("data-testid", name)
        return found[0] if found else None

    def section(self, heading_id: str) -> str:
        """The text of the region labelled by the heading ``heading_id``."""
        found = self.texts("aria-labelledby", heading_id)
        assert found, f"{self.url} has no section labelled by #{heading_id}"
        return found[0]

    @property
    def error_summary(self) -> str:
        return " | ".join(self.texts("role", "alert"))

    @property
    def links(self) -> list[str]:
        return self._parse_forms().links

    @property
    def forms(self) -> list[RichForm]:
        forms = self._parse_forms().forms
        for form in forms:
            form.origin = self.url
        return forms

    def _parse_forms(self) -> _FormParser:
        parser = _FormParser()
        parser.feed(self.html)
        parser.close()
        return parser

    def form(self, *, method: str = "post", having: str = "", **hidden) -> RichForm:
        """The one form with this method, a field named ``having``, and these preset values."""
        found = [
            form
            for form in self.forms
            if form.method == method
            and (not having or having in form.names)
            and all(form.data.get(name) == [value] for name, value in hidden.items())
        ]
        if len(found) != 1:
            raise AssertionError(
                f"{self.url}: expected one {method.upper()} form having {having or '-'} "
                f"{hidden or ''}, found {len(found)}"
            )
        return found[0]


class Browser:
    """One person's browser. ``user`` logs in first; ``phone`` sends a phone's user agent."""

    def __init__(self, user=None, *, phone: bool = False):
        self.client = Client(
            enforce_csrf_checks=True,
            HTTP_ACCEPT_LANGUAGE="en",
            HTTP_USER_AGENT=PHONE_USER_AGENT if phone else DESKTOP_USER_AGENT,
        )
        self.user = user
        if user is not None:
            self.client.force_login(user, backend=BACKEND)

    def open(self, url: str, data=None) -> Page:
        return Page(self.client.get(url, data, follow=True))

    def submit(self, form: RichForm, values: dict | None = None, *, button: str | None = None):
        """Send ``form`` with ``values`` typed in, by its default button or the one ``button``.

        The default button is the first submit button, the one the Enter key presses.
        """
        data = form.submission(**(values or {}))
        buttons = [b for b in form.buttons if button is None or b.value == button]
        if button is not None and not buttons:
            raise AssertionError(f"the form has no button valued {button!r}")
        if buttons and buttons[0].name:
            data[buttons[0].name] = buttons[0].value
        url = form.action or form.origin
        if form.method == "get":
            return Page(self.client.get(url, data, follow=True))
        return Page(self.client.post(url, data, follow=True))


def _sent(form: RichForm, name: str) -> bool:
    return any(value != "" for value in form.data.get(name, []))


def typical_value(form: RichForm, control: Field, today: datetime.date):
    """What a person would plausibly type into ``control``, judged by its type and name."""
    name, kind = control.name.lower(), control.kind
    if kind in {"select", "select-multiple"}:
        options = [option for option in form.options.get(control.name, []) if option]
        assert options, f"the select {control.name} has nothing to choose"
        return options[0]
    if kind == "radio" or (kind == "checkbox" and control.choices != ["on"]):
        return control.choices[0]
    if kind == "checkbox":
        return "on"
    if kind == "date":
        return (today.replace(year=today.year - 35) if "birth" in name else today).isoformat()
    if kind == "time":
        return "00:05"
    if kind == "tel" or "phone" in name or "whatsapp" in name:
        return "0812-3456-7890"
    if kind == "email" or "email" in name:
        return "warga@example.id"
    if kind == "url" or "link" in name or "url" in name:
        return "https://example.id/bukti"
    if kind == "number":
        return "1"
    if name.endswith("nik"):
        return "3374010101900001"
    if name.endswith("nip"):
        return "198001012005011001"
    return f"Isian {control.name.replace('_', ' ')}"


def fill_in(form: RichForm, answers: dict, *, today: datetime.date | None = None) -> dict:
    """``answers`` for the fields the form has, and a typical value for every other empty
    field it marks required or invalid."""
    today = today or timezone.localdate()
    values = {name: value for name, value in answers.items() if name in form.names}
    for name, control in form.fields.items():
        if name in values or _sent(form, name) or "__prefix__" in name:
            continue
        if control.required or control.invalid:
            values[name] = typical_value(form, control, today)
    return values


def complete(browser: Browser, page: Page, answers: dict, *, having: str, pages: int = 12) -> Page:
    """Fill in and send the form on ``page`` until the browser lands elsewhere.

    A form shown a step at a time is walked step by step with its default button
    (Continue, then Send). Fails with the page's error summary when the page
    marks a field invalid that already holds a value (an answer it refuses).
    """
    start = page.url
    for _round in range(pages):
        assert page.status == 200, f"{page.url} answered {page.status}"
        form = page.form(having=having)
        refused = [
            name for name, control in form.fields.items() if control.invalid and _sent(form, name)
        ]
        assert not refused, f"{page.url} refuses {refused}: {page.error_summary}"
        page = browser.submit(form, fill_in(form, answers))
        if page.url != start:
            return page
    raise AssertionError(f"{start}: still on the form after {pages} pages: {page.error_summary}")
