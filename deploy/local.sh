#!/usr/bin/env bash
# A whole Herder cluster on this machine: `herder local up|down|status`.
#   up      1. installs etcd where missing (deploy/etcd.sh: as root, Debian's etcd-server and etcd-client);
#           2. builds Herder when the distribution is missing or older than the sources;
#           3. prepares the Docker engine (deploy/engine.sh: as root installs docker.io and busybox-static,
#              starts dockerd with its log in $state/engine, makes the images local/busybox:1 and :2);
#           4. starts the store, a cluster of three etcd members etcd-1..3 (clients on 127.0.0.1:2391-2393, peers
#              on 2491-2493, data in $state/data/etcd-N; never the system etcd's 2379/2380), and waits until it
#              answers;
#           5. starts three control-plane nodes (127.0.0.1:2551-2553) and two agents on the engine, node-1
#              (pods at 127.0.0.2, agent on 127.0.0.1:2561) and node-2 (127.0.0.3, 2562);
#           6. waits for a leader (the Master singleton) and both nodes Ready;
#           7. applies examples/, waits until its pods run and the service answers, and shows what runs.
#           Running it twice is safe: what runs is left running (an etcd member that stopped starts again on its
#           data), and applying the same manifests changes nothing. It refuses a control-plane data folder that
#           still holds the Distributed Data store of earlier versions (a `ddata` folder), which this one does
#           not read.
#   status  the processes it started, the etcd members' state, the cluster's members and the pods.
#   down    stops every process it started (by the PIDs it recorded: agents, control plane, etcd members, and
#           dockerd if `up` started it) and removes the containers its agents created. The cluster's data stays in
#           $state/data (etcd's in $state/data/etcd-N): the next `up` brings every object back.
# Processes, logs and data live in $HERDER_LOCAL_DIR (default: .local/ in the repository).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${HERDER_LOCAL_DIR:-$root/.local}"
herder="$root/herder"
control_planes=(control-plane-1 control-plane-2 control-plane-3)
agents=(agent-1 agent-2)
nodes=(node-1 node-2)
# The store: etcd member i listens for clients on etcd_client_base+i and for its peers on etcd_peer_base+i (the
# system etcd a Debian package may start keeps 2379/2380). config/control-plane-N.conf list the client URLs.
etcd_members=(etcd-1 etcd-2 etcd-3)
etcd_client_base=2390
etcd_peer_base=2490
etcd_cluster="etcd-1=http://127.0.0.1:2491,etcd-2=http://127.0.0.1:2492,etcd-3=http://127.0.0.1:2493"
etcd_endpoints="http://127.0.0.1:2391,http://127.0.0.1:2392,http://127.0.0.1:2393"
ports=(2391 2392 2393 2491 2492 2493 2551 2552 2553 2561 2562 6443 6444 6445)
wait_seconds="${HERDER_LOCAL_WAIT:-120}"
service_url="http://127.0.0.2:8000/"

say() { printf '%s\n' "$*" >&2; }
fail() { say "herder local: $*"; exit 1; }

pid_of() { cat "$state/$1.pid" 2>/dev/null || true; }

# What the command line of the process NAME.pid names looks like: an etcd member's, dockerd's, or a Herder JVM's.
cmdline_pattern() {
  case "$1" in
    etcd-*) echo "(^|/)etcd --name $1 " ;;
    dockerd) echo "dockerd" ;;
    *) echo "dev\.herder\.cli\.Main" ;;
  esac
}

# A recorded PID counts only while it is still one of our processes (a PID can be reused after a reboot).
alive() {
  local pid; pid="$(pid_of "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE "$(cmdline_pattern "$1")"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=()
# Starts the command as process NAME unless it runs already: its PID in $state/NAME.pid, its output in logs/NAME.log.
start_process() {
  local name="$1"; shift
  started+=("$name")
  if alive "$name"; then
    say "  $name already running (pid $(pid_of "$name"))"
    return
  fi
  # exec: the recorded PID is the process's own (the JVM's, etcd's), and no shell keeps this script's output open
  (cd "$state" && exec nohup "$@" >"$state/logs/$name.log" 2>&1 </dev/null) &
  echo $! >"$state/$name.pid"
  say "  started $name (pid $(pid_of "$name"), log $state/logs/$name.log)"
}

start_one() {
  local name="$1"; shift
  start_process "$name" "$herder" "$@"
}

# etcd member i of three on loopback, with the options the cluster tests' members have (EtcdMembers). On its first
# start it forms the cluster with the others (--initial-cluster); once its data folder holds a member, etcd ignores
# the --initial-* options and rejoins as that member. It keeps 5 minutes of history (older revisions are compacted).
start_etcd() {
  local i="$1" name="etcd-$1"
  start_process "$name" /usr/bin/etcd --name "$name" --data-dir "$state/data/$name" \
    --listen-client-urls "http://127.0.0.1:$((etcd_client_base + i))" \
    --advertise-client-urls "http://127.0.0.1:$((etcd_client_base + i))" \
    --listen-peer-urls "http://127.0.0.1:$((etcd_peer_base + i))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((etcd_peer_base + i))" \
    --initial-cluster "$etcd_cluster" --initial-cluster-token herder-local --initial-cluster-state new \
    --auto-compaction-mode periodic --auto-compaction-retention 5m --logger zap --log-outputs stderr
}
# etcd 3.4 starts on arm64 only when told so.
[ "$(uname -m)" = aarch64 ] && export ETCD_UNSUPPORTED_ARCH=arm64

etcdctl_local() { ETCDCTL_API=3 /usr/bin/etcdctl --endpoints="$etcd_endpoints" --dial-timeout=2s --command-timeout=3s "$@"; }
# Every member healthy: each answers a read that goes through the cluster's leader (quorum).
etcd_healthy() { etcdctl_local endpoint health; }

# The data folders (herder.data-dir, relative to $state) of the control-plane nodes, as their config files set them.
control_plane_data_dirs() {
  local i dir
  for i in 1 2 3; do
    dir="$(sed -nE 's/^[[:space:]]*data-dir[[:space:]]*=[[:space:]]*"([^"]*)".*/\1/p' "$root/config/control-plane-$i.conf")"
    dir="${dir:-data/control-plane-$i}"
    case "$dir" in /*) echo "$dir" ;; *) echo "$state/$dir" ;; esac
  done
}

# Earlier versions kept the objects in Pekko Distributed Data (LMDB) in <data-dir>/ddata; this one keeps them in etcd
# and does not read that store. Starting over it would look like a cluster whose objects vanished: refuse instead.
check_no_old_store() {
  local dir old=()
  while read -r dir; do
    [ -d "$dir/ddata" ] && old+=("$dir/ddata")
  done < <(control_plane_data_dirs)
  [ ${#old[@]} -eq 0 ] || fail "${old[*]}: the store of an earlier Herder version (Pekko Distributed Data), which this
  version does not read: it keeps the cluster's objects in etcd ($state/data/etcd-N), so they would not be there.
  Move that folder away (to keep it) or delete it (rm -rf ${old[*]}) to start with an empty cluster, then run up again."
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

# A kubeconfig for kubectl, Kubernetes clients and the herder command: control-plane node 1's API as the current
# context's server (config/control-plane-N.conf, herder.control-plane.http.port), nodes 2 and 3 (6444, 6445) as
# further clusters, which herder fails over to when node 1 does not answer. Says the kubectl line that uses it.
write_kubeconfig() {
  cat >"$state/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: herder-local
  cluster:
    server: http://127.0.0.1:6443
- name: herder-local-2
  cluster:
    server: http://127.0.0.1:6444
- name: herder-local-3
  cluster:
    server: http://127.0.0.1:6445
contexts:
- name: herder-local
  context:
    cluster: herder-local
    user: herder-local
    namespace: default
current-context: herder-local
users:
- name: herder-local
  user: {}
KUBECONFIG
  say "wrote $state/kubeconfig: kubectl --kubeconfig $state/kubeconfig get pods"
}
kubernetes_api_answers() { curl -fsS --max-time 2 http://127.0.0.1:6443/version >/dev/null; }

check_ports() {
  local taken=()
  for p in "${ports[@]}"; do port_taken "$p" && taken+=("$p"); done
  [ ${#taken[@]} -eq 0 ] || fail "port(s) ${taken[*]} on 127.0.0.1 are taken by another process, and this cluster's etcd
  members and nodes need them (deploy/local.sh, config/*.conf). Stop that process (another local cluster? './herder local status' with its HERDER_LOCAL_DIR) and run up again."
}

up() {
  command -v java >/dev/null || fail "java is missing: install a JDK 17 (as root: apt-get install -y openjdk-17-jdk-headless)"
  command -v mvn >/dev/null || fail "maven is missing (as root: apt-get install -y maven)"
  command -v curl >/dev/null || fail "curl is missing (as root: apt-get install -y curl)"
  check_no_old_store
  mkdir -p "$state/logs"
  say "[1/7] installing etcd where missing..."
  "$root/deploy/etcd.sh" || fail "etcd is not installed (above says why); install it and run up again"

  say "[2/7] building Herder if it is missing or older than the sources, and its class-data archives..."
  "$herder" prepare || fail "the build failed (above); run 'mvn -B package' to see the whole log"

  say "[3/7] preparing the Docker engine..."
  local engine_was_up=yes
  docker info >/dev/null 2>&1 || engine_was_up=no
  HERDER_ENGINE_DIR="$state/engine" "$root/deploy/engine.sh" ||
    fail "the Docker engine is not ready (above says why); fix it and run up again"
  if [ "$engine_was_up" = no ] && [ -f "$state/engine/dockerd.pid" ]; then
    cp "$state/engine/dockerd.pid" "$state/dockerd.pid"   # ours: `down` stops it
  fi

  local running=no
  for p in "${etcd_members[@]}" "${control_planes[@]}" "${agents[@]}"; do alive "$p" && running=yes; done
  [ "$running" = yes ] || check_ports
  say "[4/7] starting the store: three etcd members (clients on 127.0.0.1:2391-2393)..."
  mkdir -p "$state/data"
  for i in 1 2 3; do
    start_etcd "$i"
  done
  wait_for "etcd cluster answering (every member healthy)" "see the logs in $state/logs/etcd-*.log" etcd_healthy

  say "[5/7] starting three control-plane nodes, then two agents on the engine..."
  for i in 1 2 3; do
    start_one "control-plane-$i" control-plane --config "$root/config/control-plane-$i.conf"
  done
  # The control plane forms first: agents joining a cluster still forming only slow it down.
  wait_for "three control-plane nodes Up" "see the logs in $state/logs/control-plane-*.log" control_planes_up
  for i in 1 2; do
    start_one "agent-$i" agent --config "$root/config/agent-$i.conf"
  done

  say "[6/7] waiting for the cluster..."
  wait_for "a leader (Master singleton) elected" "see the logs in $state/logs/control-plane-*.log" has_leader
  wait_for "the Kubernetes API answering on 127.0.0.1:6443" "see $state/logs/control-plane-1.log" kubernetes_api_answers
  write_kubeconfig
  wait_for "nodes ${nodes[*]} Ready" "see $state/logs/agent-*.log, and './herder get nodes'" nodes_ready

  say "[7/7] applying the example app (examples/)..."
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

Herder is up: three etcd members, three control-plane nodes, two agents (node-1, node-2) and the example app. Try:
  ./herder get pods -o wide
  curl $service_url                     # each call answered by one of the web pods
  ./herder scale rc web --replicas 1              # and back to 2; then: ./herder get events
  ./herder logs logbook -c reader --tail 3
  ./herder cluster status                         # which node holds the Master (the leader)
  kill -9 \$(cat $state/control-plane-1.pid)   # kill a control-plane node (pick the leader's), then again:
  ./herder cluster status                         # another node leads within about 15 seconds
  ./herder local down                             # stop everything (the data stays for the next up)
./herder talks to the Kubernetes API Herder serves on 127.0.0.1:6443-6445 (as written in $state/kubeconfig);
kubectl does too:
  kubectl --kubeconfig $state/kubeconfig get pods -o wide
The README's walkthrough has more.
TXT
}

status() {
  for p in "${etcd_members[@]}" "${control_planes[@]}" "${agents[@]}"; do
    if alive "$p"; then echo "$p: running (pid $(pid_of "$p"))"; else echo "$p: not running"; fi
  done
  if alive dockerd; then echo "dockerd: running (pid $(pid_of dockerd), started by local up)"; fi
  echo
  etcdctl_local endpoint status -w table 2>&1 || true
  echo
  "$herder" cluster status || true
  echo
  "$herder" get pods -o wide || true
}

# SIGTERM to each of the named processes that is still ours, then waits for them (30 s, then SIGKILL).
stop_all() {
  local name pid
  local stopping=()
  for name in "$@"; do
    if alive "$name"; then
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
  stop_all "${agents[@]}"
  stop_all "${control_planes[@]}"
  # The store last: the control plane's last writes as it leaves still reach it.
  stop_all "${etcd_members[@]}"
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
  stop_all dockerd
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) fail "usage: herder local up|down|status" ;;
esac
