#!/usr/bin/env bash
# A whole Herder cluster on this machine: `herder local up|down|status`.
#   up      1. builds Herder when the distribution is missing or older than the sources;
#           2. prepares the Docker engine (deploy/engine.sh: as root installs docker.io and busybox-static,
#              starts dockerd with its log in $state/engine, makes the images local/busybox:1 and :2);
#           3. starts three control-plane nodes (127.0.0.1:2551-2553) and two agents on the engine, node-1
#              (pods at 127.0.0.2, agent on 127.0.0.1:2561) and node-2 (127.0.0.3, 2562);
#           4. waits for a leader (the Master singleton) and both nodes Ready;
#           5. applies examples/, waits until its pods run and the service answers, and shows what runs.
#           Running it twice is safe: what runs is left running, and applying the same manifests changes nothing.
#   status  the processes it started, the cluster's members and the pods.
#   down    stops every process it started (by the PIDs it recorded: agents, control plane, and dockerd if `up`
#           started it) and removes the containers its agents created. The cluster's data stays in $state/data:
#           the next `up` brings every object back.
# Processes, logs and data live in $HERDER_LOCAL_DIR (default: .local/ in the repository).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${HERDER_LOCAL_DIR:-$root/.local}"
herder="$root/herder"
control_planes=(control-plane-1 control-plane-2 control-plane-3)
agents=(agent-1 agent-2)
nodes=(node-1 node-2)
ports=(2551 2552 2553 2561 2562)
wait_seconds="${HERDER_LOCAL_WAIT:-120}"
service_url="http://127.0.0.2:8000/"

say() { printf '%s\n' "$*" >&2; }
fail() { say "herder local: $*"; exit 1; }

pid_of() { cat "$state/$1.pid" 2>/dev/null || true; }

# A recorded PID counts only while it is still one of our processes (a PID can be reused after a reboot).
alive() {
  local pid; pid="$(pid_of "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qaE "${2:-dev.herder.cli.Main}" "/proc/$pid/cmdline" 2>/dev/null
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=()
start_one() {
  local name="$1"; shift
  started+=("$name")
  if alive "$name"; then
    say "  $name already running (pid $(pid_of "$name"))"
    return
  fi
  # exec: the recorded PID is the JVM's own, and no shell keeps this script's output open
  (cd "$state" && exec nohup "$herder" "$@" >"$state/logs/$name.log" 2>&1 </dev/null) &
  echo $! >"$state/$name.pid"
  say "  started $name (pid $(pid_of "$name"), log $state/logs/$name.log)"
}

# Fails when a process `up` started has ended: waiting longer would not help.
check_alive() {
  local p
  for p in "${started[@]}"; do
    if ! alive "$p"; then
      say "herder local: $p stopped; the end of its log ($state/logs/$p.log):"
      tail -n 15 "$state/logs/$p.log" | sed 's/^/    /' >&2
      fail "fix what its log says (a port in use? another cluster's data?), then run './herder local up' again"
    fi
  done
}

wait_for() {
  local what="$1" hint="$2"; shift 2
  local deadline=$((SECONDS + wait_seconds))
  until "$@" >/dev/null 2>&1; do
    check_alive
    if [ $SECONDS -ge $deadline ]; then
      fail "gave up after ${wait_seconds}s waiting for $what; $hint"
    fi
    sleep 1
  done
  say "  $what: yes"
}

control_planes_up() { [ "$("$herder" cluster status | grep -cE ' control-plane +Up +yes')" -ge 3 ]; }
has_leader() { "$herder" cluster status -o json | grep -q '"leader" *: *"[0-9]'; }
nodes_ready() {
  local list; list="$("$herder" get nodes)"
  for n in "${nodes[@]}"; do grep -qE "^$n +Ready " <<<"$list" || return 1; done
}
# Every pod of the example app (hello-1, hello-2, logbook, the web RC's two) Running and Ready (READY n/n).
pods_running() {
  "$herder" get pods | awk '$1 ~ /^(hello-[12]|logbook|web-.+)$/ {
      split($2, r, "/"); seen++; if ($3 != "Running" || r[1] != r[2]) bad = 1 }
    END { exit (bad || seen < 5) }'
}
service_answers() { curl -fsS --max-time 2 "$service_url"; }

check_ports() {
  local taken=()
  for p in "${ports[@]}"; do port_taken "$p" && taken+=("$p"); done
  [ ${#taken[@]} -eq 0 ] || fail "port(s) ${taken[*]} on 127.0.0.1 are taken by another process, and this cluster's nodes
  need them (config/*.conf). Stop that process (another local cluster? './herder local status' with its HERDER_LOCAL_DIR) and run up again."
}

up() {
  command -v java >/dev/null || fail "java is missing: install a JDK 17 (as root: apt-get install -y openjdk-17-jdk-headless)"
  command -v mvn >/dev/null || fail "maven is missing (as root: apt-get install -y maven)"
  command -v curl >/dev/null || fail "curl is missing (as root: apt-get install -y curl)"
  mkdir -p "$state/logs"
  say "[1/5] building Herder if it is missing or older than the sources, and its class-data archives..."
  "$herder" prepare || fail "the build failed (above); run 'mvn -B package' to see the whole log"

  say "[2/5] preparing the Docker engine..."
  local engine_was_up=yes
  docker info >/dev/null 2>&1 || engine_was_up=no
  HERDER_ENGINE_DIR="$state/engine" "$root/deploy/engine.sh" ||
    fail "the Docker engine is not ready (above says why); fix it and run up again"
  if [ "$engine_was_up" = no ] && [ -f "$state/engine/dockerd.pid" ]; then
    cp "$state/engine/dockerd.pid" "$state/dockerd.pid"   # ours: `down` stops it
  fi

  say "[3/5] starting three control-plane nodes, then two agents on the engine..."
  local running=no
  for p in "${control_planes[@]}" "${agents[@]}"; do alive "$p" && running=yes; done
  [ "$running" = yes ] || check_ports
  for i in 1 2 3; do
    start_one "control-plane-$i" control-plane --config "$root/config/control-plane-$i.conf"
  done
  # The control plane forms first: agents joining a cluster still forming only slow it down.
  wait_for "three control-plane nodes Up" "see the logs in $state/logs/control-plane-*.log" control_planes_up
  for i in 1 2; do
    start_one "agent-$i" agent --config "$root/config/agent-$i.conf"
  done

  say "[4/5] waiting for the cluster..."
  wait_for "a leader (Master singleton) elected" "see the logs in $state/logs/control-plane-*.log" has_leader
  wait_for "nodes ${nodes[*]} Ready" "see $state/logs/agent-*.log, and './herder get nodes'" nodes_ready

  say "[5/5] applying the example app (examples/)..."
  "$herder" apply -f "$root/examples" || fail "applying examples/ failed (above says why)"
  wait_for "every pod Running and Ready" "see './herder get pods' and './herder describe pod NAME'" pods_running
  wait_for "service web answering at $service_url" "see './herder describe svc web' and $state/logs/agent-1.log" \
    service_answers
  echo
  "$herder" cluster status
  echo
  "$herder" get nodes
  echo
  "$herder" get pods -o wide
  echo
  echo "service web, $service_url: $(service_answers)"
  cat <<TXT

Herder is up: three control-plane nodes, two agents (node-1, node-2) and the example app. Try:
  ./herder get pods -o wide
  curl $service_url                     # each call answered by one of the web pods
  ./herder scale rc web --replicas 1              # and back to 2; then: ./herder get events
  ./herder logs logbook -c reader --tail 3
  ./herder cluster status                         # which node holds the Master (the leader)
  kill -9 \$(cat $state/control-plane-1.pid)   # kill a control-plane node (pick the leader's), then again:
  ./herder cluster status                         # another node leads within about 15 seconds
  ./herder local down                             # stop everything (the data stays for the next up)
The README's walkthrough has more.
TXT
}

status() {
  for p in "${control_planes[@]}" "${agents[@]}"; do
    if alive "$p"; then echo "$p: running (pid $(pid_of "$p"))"; else echo "$p: not running"; fi
  done
  if alive dockerd dockerd; then echo "dockerd: running (pid $(pid_of dockerd), started by local up)"; fi
  echo
  "$herder" cluster status || true
  echo
  "$herder" get pods -o wide || true
}

# SIGTERM to each of the named processes that is still ours, then waits for them (30 s, then SIGKILL).
stop_all() {
  local pattern="$1" name pid; shift
  local stopping=()
  for name in "$@"; do
    if alive "$name" "$pattern"; then
      kill "$(pid_of "$name")" 2>/dev/null || true
      stopping+=("$name")
    else
      rm -f "$state/$name.pid"
    fi
  done
  for name in "${stopping[@]}"; do
    pid="$(pid_of "$name")"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "  $name did not stop within 30 s: killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$state/$name.pid"
    say "  stopped $name (pid $pid)"
  done
}

down() {
  # Agents first, so that none starts a container again; then the control plane (SIGTERM: each node leaves the
  # cluster gracefully).
  stop_all dev.herder.cli.Main "${agents[@]}"
  stop_all dev.herder.cli.Main "${control_planes[@]}"
  if docker info >/dev/null 2>&1; then
    local ids=() n
    for n in "${nodes[@]}"; do
      mapfile -t -O "${#ids[@]}" ids < <(docker ps -aq --filter "label=herder.dev/node=$n")
    done
    if [ ${#ids[@]} -gt 0 ]; then
      docker rm -f "${ids[@]}" >/dev/null
      say "  removed ${#ids[@]} container(s) of ${nodes[*]}"
    fi
  fi
  stop_all dockerd dockerd
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) fail "usage: herder local up|down|status" ;;
esac
