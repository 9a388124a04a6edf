"""Indonesian formats: "Kamis, 21 September 2023", times as "10.00"."""

from django.conf.locale.id.formats import *  # noqa: F403

DATE_FORMAT = "l, j F Y"
DATETIME_FORMAT = "l, j F Y, H.i"
TIME_FORMAT = "H.i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H.i"
