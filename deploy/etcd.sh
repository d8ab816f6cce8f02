#!/usr/bin/env bash
# Installs etcd, the control plane's store, where it can (as root, on Debian): Debian's etcd-server (etcd) and
# etcd-client (etcdctl) when /usr/bin/etcd or /usr/bin/etcdctl is missing. It only installs: it starts no member
# (`herder local up` starts its own, on 127.0.0.1:2391-2393 and 2491-2493, and the cluster tests theirs).
# Running it again is safe: nothing is done when both are there. It says what it does, and why it stops.
# On a machine with systemd the package also starts a system etcd (127.0.0.1:2379/2380, /var/lib/etcd): that one is
# not Herder's, and Herder's members never use its ports or data.
set -euo pipefail

say() { printf 'etcd: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

missing=()
[ -x /usr/bin/etcd ] || missing+=(etcd-server)
[ -x /usr/bin/etcdctl ] || missing+=(etcd-client)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || fail "missing ${missing[*]}; as root run: apt-get install -y ${missing[*]}"
  say "installing ${missing[*]} (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  [ -x /usr/bin/etcd ] && [ -x /usr/bin/etcdctl ] || fail "installing ${missing[*]} left no /usr/bin/etcd and /usr/bin/etcdctl"
fi
say "ready: $(/usr/bin/etcd --version | head -n 1)"
