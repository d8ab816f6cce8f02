#!/usr/bin/env bash
# Prepares the Docker engine Herder's agents run pods on, where it can (as root, on Debian):
#   1. installs Debian's docker.io and busybox-static when dockerd or busybox is missing;
#   2. starts dockerd in the background (no bridge network, no iptables: pods use host networking or
#      none) when no engine answers, with its log in $HERDER_ENGINE_DIR (default .local/engine);
#   3. makes the local image local/busybox:1 (busybox with every applet linked and the usual top-level
#      folders, /tmp included) with `docker import`, as there is no registry to pull from, and tags it
#      local/busybox:2 too, a second version to roll out.
# Running it again is safe: each step is skipped when already done. It says what it does, and why it
# stops when it cannot go on.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${HERDER_ENGINE_DIR:-$root/.local/engine}"
image="local/busybox:1"

say() { printf 'engine: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v busybox >/dev/null || missing+=(busybox-static)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || fail "missing ${missing[*]}; as root run: apt-get install -y ${missing[*]}"
  say "installing ${missing[*]} (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || fail "no Docker engine answers and starting one needs root: start dockerd, or run this as root"
  mkdir -p "$dir"
  say "starting dockerd (log: $dir/dockerd.log)"
  nohup dockerd --bridge=none --iptables=false >"$dir/dockerd.log" 2>&1 </dev/null &
  echo $! >"$dir/dockerd.pid"
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$(cat "$dir/dockerd.pid")" 2>/dev/null || fail "dockerd stopped while starting; see $dir/dockerd.log"
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || fail "dockerd did not answer within 30 s; see $dir/dockerd.log"
fi

if ! docker image inspect "$image" >/dev/null 2>&1; then
  say "making $image from $(command -v busybox)"
  rootfs="$(mktemp -d)"
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,proc,sys,dev,root,var,home}
  chmod 1777 "$rootfs/tmp"
  cp "$(command -v busybox)" "$rootfs/bin/busybox"
  chroot "$rootfs" /bin/busybox --install -s
  echo "root:x:0:0:root:/root:/bin/sh" >"$rootfs/etc/passwd"
  echo "root:x:0:" >"$rootfs/etc/group"
  tar -C "$rootfs" -c . | docker import -c 'CMD ["sh"]' - "$image" >/dev/null
fi
docker image inspect local/busybox:2 >/dev/null 2>&1 || docker tag "$image" local/busybox:2
say "ready: $(docker version --format '{{.Server.Version}}') with $image and local/busybox:2"
