#!/usr/bin/env bash
# Starts or stops the Redis servers the riskcard/redis tests and benchmarks use, on loopback only:
# a standalone server and a three-node Redis Cluster (no replicas), with no persistence.
#
#   eval "$(bash .ci/redis.sh start)"   # starts them and prints the env vars the tests read
#   bash .ci/redis.sh env               # prints the env vars again
#   bash .ci/redis.sh stop              # stops the servers this script started (by pid file)
#
# Ports: RISKCARD_REDIS_PORT (default 16379) and RISKCARD_REDIS_CLUSTER_PORTS (default "17001 17002
# 17003"; each node's cluster bus uses its port + 10000). Data and logs go to RISKCARD_REDIS_DIR
# (default .tmp/redis in the repository, ignored by git). Needs Debian's redis-server and redis-tools.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${RISKCARD_REDIS_PORT:-16379}"
read -r -a cports <<<"${RISKCARD_REDIS_CLUSTER_PORTS:-17001 17002 17003}"
dir="${RISKCARD_REDIS_DIR:-$PWD/.tmp/redis}"

print_env() {
  local urls=()
  for p in "${cports[@]}"; do urls+=("redis://127.0.0.1:$p"); done
  echo "export RISKCARD_REDIS_URL=redis://127.0.0.1:$port"
  echo "export RISKCARD_REDIS_CLUSTER_URLS=$(IFS=,; echo "${urls[*]}")"
  echo "export RISKCARD_REDIS_SERVER_BIN=$(command -v redis-server)"
}

wait_ping() {
  for _ in $(seq 1 100); do
    if [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = "PONG" ]; then return 0; fi
    sleep 0.1
  done
  echo "redis on port $1 did not answer PING" >&2
  return 1
}

start_one() {
  local p="$1"
  shift
  mkdir -p "$dir/$p"
  redis-server --bind 127.0.0.1 --port "$p" --protected-mode yes --save "" --appendonly no \
    --dir "$dir/$p" --daemonize yes --pidfile "$dir/$p/redis.pid" --logfile "$dir/$p/redis.log" "$@"
  wait_ping "$p"
}

stop_one() {
  local pidfile="$dir/$1/redis.pid"
  if [ -f "$pidfile" ]; then
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
  fi
}

case "${1:-}" in
start)
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || {
    echo "redis-server and redis-cli are needed: apt-get install -y redis-server redis-tools" >&2
    exit 1
  }
  "$0" stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  start_one "$port" >&2
  for p in "${cports[@]}"; do
    start_one "$p" --cluster-enabled yes --cluster-config-file "$dir/$p/nodes.conf" --cluster-node-timeout 2000 >&2
  done
  nodes=()
  for p in "${cports[@]}"; do nodes+=("127.0.0.1:$p"); done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$dir/cluster-create.log" 2>&1 || {
    cat "$dir/cluster-create.log" >&2
    exit 1
  }
  for p in "${cports[@]}"; do
    for i in $(seq 1 100); do
      redis-cli -h 127.0.0.1 -p "$p" cluster info 2>/dev/null | grep -q '^cluster_state:ok' && break
      [ "$i" = 100 ] && { echo "cluster node $p not ok" >&2; exit 1; }
      sleep 0.1
    done
  done
  echo "redis: standalone on 127.0.0.1:$port, cluster on ${nodes[*]}" >&2
  print_env
  ;;
stop)
  stop_one "$port"
  for p in "${cports[@]}"; do stop_one "$p"; done
  ;;
env) print_env ;;
*)
  echo "usage: $0 start|stop|env" >&2
  exit 2
  ;;
esac
