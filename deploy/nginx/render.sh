#!/bin/sh
# Render the proxy template for nginx on a host (the systemd set-up), e.g.
#   PROXY_SERVER_NAME=dashboard.faxe.dk PROXY_HTTP_PORT=80 PROXY_HTTPS_PORT=443 \
#   PROXY_TLS_CERT_FILE=/etc/ssl/dashboard/fullchain.pem \
#   PROXY_TLS_KEY_FILE=/etc/ssl/dashboard/privkey.pem \
#   PROXY_UPSTREAM_1=127.0.0.1:8501 PROXY_UPSTREAM_2=127.0.0.1:8502 PROXY_MAX_BODY_MB=31 \
#   deploy/nginx/render.sh > /etc/nginx/sites-available/genopretning.conf
# With one instance, give both upstreams the same address. Only the PROXY_* variables are
# substituted; nginx's own variables ($host, $request_id, …) are left for nginx.
set -eu
: "${PROXY_SERVER_NAME:?}" "${PROXY_HTTP_PORT:?}" "${PROXY_HTTPS_PORT:?}"
: "${PROXY_TLS_CERT_FILE:?}" "${PROXY_TLS_KEY_FILE:?}"
: "${PROXY_UPSTREAM_1:?}" "${PROXY_UPSTREAM_2:?}" "${PROXY_MAX_BODY_MB:?}"
VARIABLES='${PROXY_SERVER_NAME} ${PROXY_HTTP_PORT} ${PROXY_HTTPS_PORT} ${PROXY_TLS_CERT_FILE}
 ${PROXY_TLS_KEY_FILE} ${PROXY_UPSTREAM_1} ${PROXY_UPSTREAM_2} ${PROXY_MAX_BODY_MB}'
exec envsubst "$VARIABLES" \
    < "$(dirname "$0")/dashboard.conf.template"
