#!/usr/bin/env bash
# Herder's test command (what .ci/run runs): prepares what the tests need on a fresh Debian machine (Java and
# Maven; etcd and etcdctl, through deploy/etcd.sh; a Docker engine and the local image local/busybox:1, through
# deploy/engine.sh), then runs every test of every module. Cluster tests start real etcd members and JVMs on
# loopback (127.0.0.1:3550-3960); Docker tests run real containers, which they label and remove.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_apt=()
command -v java >/dev/null || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need_apt+=(maven)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test: missing ${need_apt[*]}; install them (as root: apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
  echo "test: installing ${need_apt[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

"$root/deploy/etcd.sh"
"$root/deploy/engine.sh"
# kubectl comes with this machine kind (gcloud's dispatcher); the tests of the Kubernetes API run it
command -v kubectl >/dev/null ||
  echo "test: kubectl is missing: KubectlTest and LocalUpIT run it against Herder's Kubernetes API and will fail" >&2

cd "$root"
exec mvn -B -Dstyle.color=never verify "$@"
