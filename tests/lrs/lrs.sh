#!/usr/bin/env bash
# Test LRS for Threshold: Learning Locker's xAPI statements service (npm
# xapi-statements) on loopback, with its own Redis. See README.md.
#
#   lrs.sh install          install redis-server (apt) and the npm packages
#   lrs.sh start DIR        start Redis + LRS (state, logs, pids in DIR) and
#                           print endpoint=..., key=..., secret=...
#   lrs.sh stop DIR         stop both
#   lrs.sh stop-lrs DIR     stop only the LRS (Redis and stored statements stay)
#   lrs.sh start-lrs DIR    start the LRS again on the same port, same statements
#
# Environment: LRS_KEY, LRS_SECRET (credentials, read by start), LRS_START_TIMEOUT
# (seconds, default 20), LRS_TTL_SECONDS (the LRS exits by itself after this,
# default 7200).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SERVER_JS="$HERE/lrs-server.js"
STAMP="$HERE/node_modules/.threshold-lrs-stamp"

die() { echo "lrs.sh: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

# ------------------------------------------------------------------ install
stamp_value() {
  { node --version; cat "$HERE/package.json"; cat "$HERE/package-lock.json" 2>/dev/null || true; } | cksum
}

cmd_install() {
  if ! command -v redis-server >/dev/null || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    local pkgs=()
    command -v redis-server >/dev/null || pkgs+=(redis-server)
    command -v node >/dev/null || pkgs+=(nodejs)
    command -v npm >/dev/null || pkgs+=(npm)
    echo "lrs.sh: installing ${pkgs[*]} (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -qq "${pkgs[@]}" >/dev/null 2>&1 ||
      { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq "${pkgs[@]}" >/dev/null; } ||
      die "apt-get install ${pkgs[*]} failed"
  fi
  if [ -f "$STAMP" ] && [ -f "$HERE/node_modules/xapi-statements/dist/server.js" ] &&
     [ "$(cat "$STAMP")" = "$(stamp_value)" ]; then
    return 0
  fi
  # --ignore-scripts: nothing here needs an install script (newrelic's native
  # metrics add-on would try to download or compile a binary).
  local npm_flags=(--ignore-scripts --no-audit --no-fund --loglevel=error)
  if [ -f "$HERE/package-lock.json" ]; then
    (cd "$HERE" && npm ci "${npm_flags[@]}" >/dev/null) || die "npm ci failed in $HERE"
  else
    (cd "$HERE" && npm install "${npm_flags[@]}" >/dev/null) || die "npm install failed in $HERE"
  fi
  stamp_value >"$STAMP"
}

# ------------------------------------------------------------------ helpers
need_installed() {
  command -v redis-server >/dev/null || die "redis-server not found: run '$0 install'"
  [ -f "$HERE/node_modules/xapi-statements/dist/server.js" ] || die "npm packages missing: run '$0 install'"
}

need_dir() { # DIR [create]
  [ -n "${1:-}" ] || die "missing DIR argument"
  if [ "${2:-}" = create ]; then mkdir -p "$1"; fi
  [ -d "$1" ] || die "no such directory: $1"
  DIR=$(cd "$1" && pwd)
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

alive() { # PID: running and not a zombie waiting to be reaped
  local st
  st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# pid from FILE if that process is alive and its command line contains PATTERN
live_pid() {
  local file=$1 pattern=$2 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern" || return 1
  echo "$pid"
}

stop_pidfile() {
  local file=$1 pattern=$2 pid
  if pid=$(live_pid "$file" "$pattern"); then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do alive "$pid" || break; sleep 0.05; done
    if alive "$pid"; then
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 40); do alive "$pid" || break; sleep 0.05; done
    fi
  fi
  rm -f "$file"
}

http_status() { # URL -> prints the HTTP status, or 000
  if command -v curl >/dev/null; then
    curl -s -o /dev/null -m 1 -w '%{http_code}' "$1" || true
    return
  fi
  node -e '
    const r=require("http").get(process.argv[1],{timeout:1000},(res)=>{console.log(res.statusCode);res.resume();});
    r.on("timeout",()=>r.destroy(new Error("timeout")));
    r.on("error",()=>console.log("000"));' "$1"
}

WHY="unknown reason"
deadline_init() { DEADLINE=$(( $(date +%s) + ${LRS_START_TIMEOUT:-20} )); }
time_left() { [ "$(date +%s)" -lt "$DEADLINE" ]; }

print_credentials() {
  echo "endpoint=http://127.0.0.1:$(cat "$DIR/lrs.port")/xAPI/"
  echo "key=$LRS_KEY"
  echo "secret=$LRS_SECRET"
}

load_env() {
  [ -f "$DIR/lrs.env" ] || die "$DIR/lrs.env missing: was '$0 start $DIR' run?"
  # shellcheck disable=SC1091
  . "$DIR/lrs.env"
}

# ------------------------------------------------------------------ redis
start_redis() { # -> 0 when Redis answers PING
  local port pid
  port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize no --dir "$DIR" --logfile "$DIR/redis.log" \
    >/dev/null 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$DIR/redis.pid"
  while time_left; do
    if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
      echo "$port" >"$DIR/redis.port"
      return 0
    fi
    alive "$pid" || { WHY="exited"; return 1; }
    sleep 0.05
  done
  WHY="did not answer within ${LRS_START_TIMEOUT:-20}s"
  return 1
}

# ------------------------------------------------------------------ lrs
launch_lrs() { # port in $DIR/lrs.port; -> 0 when /xAPI/about answers 200
  local port pid
  port=$(cat "$DIR/lrs.port")
  (
    cd "$HERE"
    export LRS_DIR="$DIR" LRS_PORT="$port" LRS_KEY LRS_SECRET LRS_RO_KEY LRS_RO_SECRET
    export LRS_STATE_FILE="$DIR/lrs-state.json" LRS_REDIS_PIDFILE="$DIR/redis.pid"
    REDIS_URL="redis://127.0.0.1:$(cat "$DIR/redis.port")/0"
    export REDIS_URL
    exec node "$SERVER_JS" >>"$DIR/lrs.log" 2>&1 </dev/null
  ) &
  pid=$!
  echo "$pid" >"$DIR/lrs.pid"
  while time_left; do
    [ "$(http_status "http://127.0.0.1:$port/xAPI/about")" = 200 ] && return 0
    alive "$pid" || { WHY="exited"; return 1; }
    sleep 0.1
  done
  WHY="did not answer within ${LRS_START_TIMEOUT:-20}s"
  return 1
}

fail_start() {
  local what=$1 log=$2
  echo "lrs.sh: $what failed to start ($WHY); last lines of $log:" >&2
  tail -n 15 "$log" >&2 2>/dev/null || true
  cmd_stop
  exit 1
}

cmd_start() {
  need_installed
  if live_pid "$DIR/lrs.pid" lrs-server.js >/dev/null || live_pid "$DIR/redis.pid" redis-server >/dev/null; then
    die "an LRS is already running for $DIR (run '$0 stop $DIR' first)"
  fi
  rm -f "$DIR/lrs-state.json" "$DIR/lrs-state.json.tmp" # start = empty LRS
  : >"$DIR/lrs.log"
  cat >"$DIR/lrs.env" <<EOF
LRS_KEY='${LRS_KEY:-threshold-test-key}'
LRS_SECRET='${LRS_SECRET:-threshold-test-secret}'
LRS_RO_KEY='threshold-readonly-key'
LRS_RO_SECRET='threshold-readonly-secret'
EOF
  load_env
  deadline_init
  local try
  for try in 1 2 3; do # a port picked free can be taken before we bind it
    start_redis && break
    stop_pidfile "$DIR/redis.pid" redis-server
    [ "$try" = 3 ] && fail_start "Redis" "$DIR/redis.log"
  done
  for try in 1 2 3; do
    free_port >"$DIR/lrs.port"
    launch_lrs && break
    stop_pidfile "$DIR/lrs.pid" lrs-server.js
    { [ "$try" = 3 ] || ! time_left; } && fail_start "the LRS" "$DIR/lrs.log"
  done
  print_credentials
}

cmd_start_lrs() {
  need_installed
  load_env
  live_pid "$DIR/redis.pid" redis-server >/dev/null || die "Redis for $DIR is not running (use '$0 start $DIR')"
  live_pid "$DIR/lrs.pid" lrs-server.js >/dev/null && die "the LRS for $DIR is already running"
  deadline_init
  if ! launch_lrs; then
    echo "lrs.sh: the LRS failed to restart on port $(cat "$DIR/lrs.port") ($WHY); last lines of $DIR/lrs.log:" >&2
    tail -n 15 "$DIR/lrs.log" >&2 || true
    stop_pidfile "$DIR/lrs.pid" lrs-server.js
    exit 1
  fi
  print_credentials
}

cmd_stop_lrs() { stop_pidfile "$DIR/lrs.pid" lrs-server.js; }

cmd_stop() {
  stop_pidfile "$DIR/lrs.pid" lrs-server.js
  stop_pidfile "$DIR/redis.pid" redis-server
}

case "${1:-}" in
  install) cmd_install ;;
  start) need_dir "${2:-}" create; cmd_start ;;
  stop) [ -d "${2:-}" ] || exit 0; need_dir "$2"; cmd_stop ;;
  stop-lrs) [ -d "${2:-}" ] || exit 0; need_dir "$2"; cmd_stop_lrs ;;
  start-lrs) need_dir "${2:-}"; cmd_start_lrs ;;
  *) echo "usage: $0 install | start DIR | stop DIR | stop-lrs DIR | start-lrs DIR" >&2; exit 2 ;;
esac
