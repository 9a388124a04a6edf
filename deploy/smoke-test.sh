#!/usr/bin/env bash
# Smoke test of deploy/: the nginx site and gunicorn settings, run as production runs them.
#
# Starts gunicorn (deploy/gunicorn.conf.py) on loopback with production settings and
# nginx (deploy/nginx/bawaslu-portal.conf, its ports and certificate swapped for a
# throwaway self-signed one) in front of it, then over https: logs in as a demo user
# with the CSRF token and a cookie jar, fetches a page, a static file and a meeting's
# PDF, and sends an 11 MB upload that nginx must pass on (the portal refuses it by its
# own 10 MB limit). Any answer other than the expected one fails the run.
#
# Needs a migrated database with the demo seeded (DATABASE_URL; .ci/run seeds it
# before calling this), nginx, openssl and curl. Uses its own temporary folder and
# ports (8443, 8080, 18000; override with SMOKE_HTTPS_PORT, SMOKE_HTTP_PORT,
# SMOKE_APP_PORT), never the system's nginx sites or systemd, so it runs as root
# in a container too. Cleans up after itself, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
GUNICORN=${GUNICORN:-.venv/bin/gunicorn}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
HOST=portal.example.go.id
HTTPS_PORT=${SMOKE_HTTPS_PORT:-8443}
HTTP_PORT=${SMOKE_HTTP_PORT:-8080}
APP_PORT=${SMOKE_APP_PORT:-18000}
LOGIN=${SMOKE_LOGIN:-semarang.staf}
PASSWORD=${DEMO_PASSWORD:-bawaslu-demo}
BASE="https://${HOST}:${HTTPS_PORT}"

work=$(mktemp -d /tmp/bawaslu-smoke.XXXXXX)
gunicorn_pid=""
cleanup() {
  status=$?
  if [ -f "$work/nginx.pid" ]; then
    "$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -s stop 2>/dev/null || true
  fi
  if [ -n "$gunicorn_pid" ] && kill -0 "$gunicorn_pid" 2>/dev/null; then
    kill -TERM "$gunicorn_pid" && wait "$gunicorn_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo "--- gunicorn log" >&2; tail -n 40 "$work/gunicorn.log" >&2 2>/dev/null || true
    echo "--- nginx error log" >&2; tail -n 20 "$work/error.log" >&2 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
started=$(date +%s)
say() { printf '%s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

# Production settings, as in .env.example (a throwaway key; mail is never sent here).
export DJANGO_SETTINGS_MODULE=bawaslu_portal.settings
export DJANGO_DEBUG=0
DJANGO_SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS="$HOST"
# The origin includes the port only because this test does not listen on 443.
export DJANGO_CSRF_TRUSTED_ORIGINS="https://${HOST},${BASE}"
export DJANGO_BEHIND_PROXY=1
export DJANGO_TRUSTED_PROXY_COUNT=1
export EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend

say "README step: compilemessages and collectstatic"
"$PY" manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
"$PY" manage.py collectstatic --noinput --verbosity 0
"$PY" manage.py check --deploy --fail-level WARNING

say "Self-signed certificate for ${HOST}"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=${HOST}" \
  -addext "subjectAltName=DNS:${HOST}" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# deploy/nginx/bawaslu-portal.conf with only ports and certificate paths replaced;
# IPv6 listeners are dropped (containers often have no IPv6).
sed -e "s|listen 443 ssl http2;|listen 127.0.0.1:${HTTPS_PORT} ssl http2;|" \
    -e "s|listen 80;|listen 127.0.0.1:${HTTP_PORT};|" \
    -e "/listen \[::\]/d" \
    -e "s|server 127.0.0.1:8000;|server 127.0.0.1:${APP_PORT};|" \
    -e "s|ssl_certificate /etc/letsencrypt/live/portal.example.go.id/fullchain.pem;|ssl_certificate $work/cert.pem;|" \
    -e "s|ssl_certificate_key /etc/letsencrypt/live/portal.example.go.id/privkey.pem;|ssl_certificate_key $work/key.pem;|" \
    deploy/nginx/bawaslu-portal.conf > "$work/site.conf"
grep -q "listen 127.0.0.1:${HTTPS_PORT} ssl" "$work/site.conf" || fail "the site's https listener was not found"
grep -q "ssl_certificate $work/cert.pem;" "$work/site.conf" || fail "the site's certificate line was not found"
grep -q "server 127.0.0.1:${APP_PORT};" "$work/site.conf" || fail "the site's upstream was not found"

mkdir -p "$work/tmp"
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
cat > "$work/nginx.conf" <<EOF
${user_line}
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log $work/access.log;
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    include $work/site.conf;
}
EOF
"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -t -q || fail "nginx -t refused the site"

say "gunicorn on 127.0.0.1:${APP_PORT}, nginx on ${HTTPS_PORT} (https) and ${HTTP_PORT} (http)"
"$GUNICORN" --config deploy/gunicorn.conf.py --bind "127.0.0.1:${APP_PORT}" --workers 2 \
  bawaslu_portal.wsgi > "$work/gunicorn.log" 2>&1 &
gunicorn_pid=$!
"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/error.log"

CURL=(curl --silent --show-error --max-time 60 --resolve "${HOST}:${HTTPS_PORT}:127.0.0.1"
      --resolve "${HOST}:${HTTP_PORT}:127.0.0.1" --cacert "$work/cert.pem"
      --cookie "$work/jar" --cookie-jar "$work/jar")

for _ in $(seq 1 60); do
  code=$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/masuk/" 2>/dev/null || true)
  [ "$code" = 200 ] && break
  kill -0 "$gunicorn_pid" 2>/dev/null || fail "gunicorn exited"
  sleep 1
done
[ "$code" = 200 ] || fail "the login page did not answer 200 within 60 s (last: $code)"

# get URL EXPECTED_STATUS OUTFILE: fetch, keep the headers in OUTFILE.headers.
get() {
  local url=$1 expected=$2 out=$3 code
  code=$("${CURL[@]}" -D "$out.headers" -o "$out" -w '%{http_code}' -e "$BASE/" "$url")
  [ "$code" = "$expected" ] || fail "GET $url answered $code, expected $expected"
}
header() { grep -i "^$1:" "$2.headers" | head -n1 | cut -d' ' -f2- | tr -d '\r'; }

say "plain http is redirected to https"
code=$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://${HOST}:${HTTP_PORT}/rapat/")
case "$code" in "301 https://${HOST}/rapat/") ;; *) fail "http answered '$code'" ;; esac

say "log in as ${LOGIN} over https"
get "$BASE/masuk/" 200 "$work/login.html"
hsts=$(header strict-transport-security "$work/login.html")
case "$hsts" in max-age=*) ;; *) fail "no HSTS header over https" ;; esac
case "$hsts" in *preload*) fail "HSTS preload is sent without DJANGO_HSTS_PRELOAD" ;; esac
token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "$work/login.html" | head -n1 | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || fail "no CSRF token on the login page"
code=$("${CURL[@]}" -o "$work/login-post.html" -w '%{http_code} %{redirect_url}' -e "$BASE/masuk/" \
  --data-urlencode "csrfmiddlewaretoken=${token}" --data-urlencode "username=${LOGIN}" \
  --data-urlencode "password=${PASSWORD}" "$BASE/masuk/")
case "$code" in "302 ${BASE}/") ;; *) fail "login answered '$code' (expected 302 to ${BASE}/)" ;; esac

say "a page: the meeting list"
get "$BASE/rapat/" 200 "$work/meetings.html"
grep -q 'name="password"' "$work/meetings.html" && fail "the meeting list showed a login form"
meeting=$(grep -o 'href="/rapat/[0-9]\+/"' "$work/meetings.html" | head -n1 | grep -o '[0-9]\+' || true)
[ -n "$meeting" ] || fail "the meeting list of ${LOGIN} links no meeting (is the demo seeded?)"

say "an 11 MB upload passes nginx (client_max_body_size) and is refused by the portal's own limit"
get "$BASE/rapat/${meeting}/" 200 "$work/meeting.html"
token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "$work/meeting.html" | head -n1 | sed 's/.*value="//; s/"$//')
head -c $((11 * 1024 * 1024)) /dev/zero > "$work/big.pdf"
code=$("${CURL[@]}" -o "$work/upload.html" -w '%{http_code}' -e "$BASE/rapat/${meeting}/" \
  -F "csrfmiddlewaretoken=${token}" -F "kind=lainnya" -F "file=@$work/big.pdf" \
  "$BASE/rapat/${meeting}/lampiran/")
# 200: the form again, naming the limit. 403 (if this login may not attach files to that
# meeting) also proves that nginx passed the body on; 413 is nginx refusing it.
case "$code" in
  200) grep -q '10[.,]0.\{1,6\}MB' "$work/upload.html" || fail "the upload form did not name the 10 MB limit" ;;
  403) ;;
  *) fail "an 11 MB upload answered $code (413: nginx refused it; expected the form again)" ;;
esac

say "a static file (WhiteNoise, hashed name)"
css=$(grep -o 'href="/static/[^"]*\.css"' "$work/meetings.html" | head -n1 | sed 's/href="//; s/"$//')
[ -n "$css" ] || fail "the page links no stylesheet"
echo "$css" | grep -Eq '\.[0-9a-f]{12}\.css$' || fail "$css has no content hash (collectstatic manifest)"
get "$BASE$css" 200 "$work/style.css"
case "$(header content-type "$work/style.css")" in text/css*) ;; *) fail "$css is not text/css" ;; esac
case "$(header cache-control "$work/style.css")" in *max-age=315360000*|*immutable*) ;;
  *) fail "$css is not cached for long: $(header cache-control "$work/style.css")" ;; esac

say "a PDF: meeting ${meeting}"
get "$BASE/rapat/${meeting}/pdf/" 200 "$work/meeting.pdf"
case "$(header content-type "$work/meeting.pdf")" in application/pdf*) ;; *) fail "the PDF is not application/pdf" ;; esac
[ "$(head -c 5 "$work/meeting.pdf")" = "%PDF-" ] || fail "the PDF does not start with %PDF-"

say "smoke test passed: https login, page, static file ($(wc -c < "$work/style.css") bytes), PDF ($(wc -c < "$work/meeting.pdf") bytes)"
