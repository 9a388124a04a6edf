"""English formats kept close to the Indonesian layout."""

from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "l, j F Y"
DATETIME_FORMAT = "l, j F Y, H:i"
TIME_FORMAT = "H:i"
