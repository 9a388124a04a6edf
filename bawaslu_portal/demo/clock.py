"""The demo's clock: the services run as if it were the moment a demo event happened."""

import datetime
from contextlib import contextmanager
from unittest import mock

__all__ = ["clock"]


@contextmanager
def clock(moment: datetime.datetime):
    """Run the services as if it were ``moment`` (``timezone.now()`` returns it).

    What reads the time at run time follows it (``timezone.now()``,
    ``timezone.localdate()``, ``auto_now``/``auto_now_add`` fields); a field whose
    default is the function ``timezone.now`` itself, bound when the model was
    defined, does not.
    """
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment
