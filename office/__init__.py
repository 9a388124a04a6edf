"""The office's day: the work queue, the dashboard, recaps, reminders and activity.

The top layer: ``office → reports → coordination → bawaslu_portal``; nothing below imports it.
"""
