"""gunicorn settings: ``gunicorn --config deploy/gunicorn.conf.py bawaslu_portal.wsgi``.

Run from the checkout (systemd ``WorkingDirectory=``, deploy/systemd/bawaslu-portal.service).
Command-line options override these (the CI smoke test binds another port).
"""

import os

# Loopback only: nginx in front terminates TLS (deploy/nginx/bawaslu-portal.conf).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers; 2 x cores + 1 is gunicorn's rule of thumb.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
# A meeting's PDF (WeasyPrint) takes a few seconds; nginx waits 75 s.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so WeasyPrint's memory does not build up.
max_requests = 1000
max_requests_jitter = 100
# Who may set X-Forwarded-Proto/-For: nginx on this machine. With nginx on another
# machine (docs/deployment.md, several app servers) give its address here.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Logs go to stdout/stderr: journald keeps them (journalctl -u bawaslu-portal).
accesslog = "-"
errorlog = "-"
# gunicorn 25+ opens a control socket in $HOME; systemd restarts and reloads the portal
# instead, and the service has no writable home (ProtectHome=true).
control_socket_disable = True
