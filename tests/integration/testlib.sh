# SPDX-License-Identifier: GPL-3.0-or-later
# What the shell tests of this folder share; sourced, never run:
#
#   . "$(dirname "$0")/testlib.sh" NAME
#
# gives a temporary directory $tmp (removed on exit, after every process started into $pids has
# been stopped and waited for), fail MESSAGE, free_port, wait_port PORT [ADDRESS], and
# start_nginx BLOCKS: a private nginx (its own prefix under $tmp/nginx, one foreground process,
# no master, so it runs as root or not alike) with the given server { } blocks.
set -euo pipefail
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gjd-${1:-test}.XXXXXX")
pids=()
# Waited for before the directory goes: squid and nginx take a moment to stop.
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { # PORT [ADDRESS]
    local address=${2:-127.0.0.1}
    for _ in $(seq 150); do
        python3 -c "import socket; socket.create_connection(('$address',$1),0.2)" 2>/dev/null && return 0
        sleep 0.1
    done
    cat "$tmp"/nginx/error.log "$tmp"/*.log "$tmp"/*/*.log >&2 2>/dev/null || true
    fail "nothing listens on $address port $1"
}
start_nginx() { # SERVER-BLOCKS
    command -v nginx >/dev/null || fail "nginx is missing (scripts/install-deps.sh installs it)"
    mkdir -p "$tmp/nginx"
    cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
# A fleet test (monitoring_test.sh) opens hundreds of connections at once; the default is 512.
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
$1
}
CONF
    nginx -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" &
    pids+=($!)
}
