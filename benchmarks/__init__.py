"""The project's own benchmark and load test (issue 10 §2); see docs/benchmarks.md.

``generate`` builds the national data set, ``pages`` times the official pages against a
bare view, ``quick`` is the CI guard (query counts that grow, unbounded counts, errors) and
``loadtest``/``locustfile`` drive gunicorn with locust. ``settings``/``urls`` add the bare
baseline view for the bench only; production URLs never have it.
"""
