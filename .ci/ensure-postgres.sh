#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers at $NQS_TEST_POSTGRES_URL (default
# postgresql://postgres@127.0.0.1:5432/postgres) for the test suite.
# Order: already running → start the installed cluster → install it (Debian/Ubuntu, as root).
# Prints the URL to use on its last line; exits non-zero if it could not get one.
set -uo pipefail

URL="${NQS_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

port_open() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

wait_ready() {
  for _ in $(seq 1 30); do
    port_open && return 0
    sleep 1
  done
  return 1
}

if port_open; then
  echo "$URL"
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing it with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || exit 1
  else
    echo "PostgreSQL is not running and cannot be installed here (need root and apt-get)." >&2
    exit 1
  fi
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$version" ]; then
  echo "No PostgreSQL cluster found under /etc/postgresql" >&2
  exit 1
fi
hba="/etc/postgresql/$version/main/pg_hba.conf"
# Tests connect over TCP as postgres without a password: allow that on loopback only.
if [ -w "$hba" ] && ! grep -q "nqs-tests" "$hba"; then
  sed -i '1i host all all 127.0.0.1/32 trust # nqs-tests\nhost all all ::1/128 trust # nqs-tests' "$hba"
fi
echo "Starting PostgreSQL $version" >&2
pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 ||
  pg_ctlcluster "$version" main start >&2 || true
wait_ready || { echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }
echo "$URL"
