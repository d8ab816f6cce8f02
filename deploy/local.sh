#!/usr/bin/env bash
# A whole Herder cluster on this machine: `herder local up|down|status`.
#   up      builds Herder if needed, starts three control-plane nodes (127.0.0.1:2551-2553) and one agent
#           process with three simulated nodes (127.0.0.1:2560), waits until the cluster has a leader and
#           the nodes are Ready, applies examples/ and shows what runs. Running it twice is safe.
#   status  shows the processes it started and the cluster's members.
#   down    stops every process it started (by the PIDs it recorded).
# Processes, logs and data live in $HERDER_LOCAL_DIR (default: .local/ in the repository).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${HERDER_LOCAL_DIR:-$root/.local}"
herder="$root/herder"
procs=(control-plane-1 control-plane-2 control-plane-3 agent-sim)
wait_seconds="${HERDER_LOCAL_WAIT:-90}"

say() { printf '%s\n' "$*" >&2; }
fail() { say "herder local: $*"; exit 1; }

alive() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

start_one() {
  local name="$1"; shift
  if alive "$name"; then
    say "  $name already running (pid $(cat "$state/$name.pid"))"
    return
  fi
  # exec: the recorded PID is the JVM's own, and no shell keeps this script's output open
  (cd "$state" && exec nohup "$herder" "$@" >"$state/logs/$name.log" 2>&1 </dev/null) &
  echo $! >"$state/$name.pid"
  say "  started $name (pid $(cat "$state/$name.pid"), log $state/logs/$name.log)"
}

wait_for() {
  local what="$1"; shift
  local deadline=$((SECONDS + wait_seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      fail "gave up after ${wait_seconds}s waiting for $what; see the logs in $state/logs"
    fi
    sleep 1
  done
  say "  $what: yes"
}

has_leader() { "$herder" cluster status -o json | grep -q '"leader" *: *"[0-9]'; }
nodes_ready() { [ "$("$herder" get nodes 2>/dev/null | grep -c ' Ready ')" -ge 3 ]; }

up() {
  command -v java >/dev/null || fail "java is missing: install a JDK 17 (apt-get install -y openjdk-17-jdk-headless)"
  command -v mvn >/dev/null || fail "maven is missing: apt-get install -y maven"
  mkdir -p "$state/logs"
  say "building Herder if needed..."
  "$herder" --version >/dev/null || fail "the build failed; run 'mvn -B package' to see why"
  say "starting three control-plane nodes and an agent of three simulated nodes..."
  for i in 1 2 3; do
    start_one "control-plane-$i" control-plane --config "$root/config/control-plane-$i.conf"
  done
  start_one agent-sim agent --simulated --nodes 3 --config "$root/config/agent-sim.conf"
  say "waiting for the cluster..."
  wait_for "a leader (Master singleton) elected" has_leader
  wait_for "three Ready nodes" nodes_ready
  say "applying the example app (examples/)..."
  "$herder" apply -f "$root/examples"
  sleep 2
  "$herder" cluster status
  echo
  "$herder" get pods -o wide
  cat <<TXT

Herder is up. Try:
  ./herder get nodes
  ./herder get pods -o wide
  ./herder describe pod hello-1
  ./herder scale rc web --replicas 5       # then: ./herder get events
  ./herder cluster status                  # which node holds the Master (the leader)
  kill -9 \$(cat $state/control-plane-1.pid)   # kill a control-plane node (pick the leader's), then:
  ./herder cluster status                  # another node takes over within seconds
  ./herder local down                      # stop everything
TXT
}

status() {
  for p in "${procs[@]}"; do
    if alive "$p"; then echo "$p: running (pid $(cat "$state/$p.pid"))"; else echo "$p: not running"; fi
  done
  "$herder" cluster status || true
}

down() {
  for p in "${procs[@]}"; do
    if alive "$p"; then
      kill "$(cat "$state/$p.pid")" 2>/dev/null || true
    fi
  done
  for p in "${procs[@]}"; do
    if [ -f "$state/$p.pid" ]; then
      pid="$(cat "$state/$p.pid")"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$state/$p.pid"
      say "stopped $p"
    fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) fail "usage: herder local up|down|status" ;;
esac
