#!/usr/bin/env bash
# Verifies an NQS Registry audit bundle with standard tools only:
# bash, sha256sum, cut, awk, grep and openssl 3 (for Ed25519).
# Usage: verify.sh [BUNDLE_DIR] [SAVED]   Exit status 0 = everything checks out.
# SAVED: your own copy of the checkpoints (saved /api/v1/audit/checkpoints answers, or
# the registry's audit-checkpoints.jsonl): the bundle must hold and extend each in its range.
set -euo pipefail
saved=""
if [ -n "${2:-}" ]; then saved=$(realpath "$2"); fi
cd "${1:-.}"
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Every checkpoint message is signed: by the key in public-key.pem, or by the retired
#    key its .key file names (kept in keys/, so older checkpoints verify after a key change).
for msg in checkpoints/*.msg; do
  pos=$(basename "$msg" .msg)
  key=public-key.pem
  if [ -f "checkpoints/$pos.key" ] && [ -f "keys/$(cat "checkpoints/$pos.key").pem" ]; then
    key="keys/$(cat "checkpoints/$pos.key").pem"
  fi
  openssl pkeyutl -verify -pubin -inkey "$key" -rawin \
    -in "$msg" -sigfile "checkpoints/$pos.sig" >/dev/null 2>&1 \
    || fail "checkpoint $pos: the signature does not verify"
done

# 2. The chain starts from a signed anchor (or from 64 zeros at the very beginning).
read -r anchor_pos anchor_digest < anchor.txt
if [ "$anchor_pos" != "0" ]; then
  grep -q "position=$anchor_pos chain_digest=$anchor_digest " "checkpoints/$anchor_pos.msg" \
    || fail "the anchor is not a signed checkpoint"
fi

# 3. Recompute every link: chain(n) = sha256(chain(n-1) || record(n)), hex strings.
prev=$anchor_digest
last=$anchor_pos
while IFS=$'\t' read -r id rec chain; do
  next=$(printf '%s%s' "$prev" "$rec" | sha256sum | cut -c1-64)
  [ "$next" = "$chain" ] || fail "the chain breaks at event $id"
  if [ -f "checkpoints/$id.msg" ]; then
    grep -q "position=$id chain_digest=$chain " "checkpoints/$id.msg" \
      || fail "the chain at $id differs from the signed checkpoint"
  fi
  prev=$chain
  last=$id
done < chain.tsv
[ -f "checkpoints/$last.msg" ] || fail "the chain does not end on a signed checkpoint"

# 4. Every exported event is a record the chain holds: the sha256 of its line.
while IFS= read -r line; do
  printf '%s' "$line" | sha256sum | cut -c1-64
done < events.jsonl > .event-digests.txt
awk -F'\t' 'NR == FNR { held[$2] = 1; next }
            !($1 in held) { print FNR; bad = 1; exit }
            END { exit bad }' chain.tsv .event-digests.txt > .bad-event \
  || fail "the event on line $(cat .bad-event) of events.jsonl differs from what the chain recorded"
events=$(wc -l < events.jsonl)
rm -f .event-digests.txt .bad-event

# 5. Your saved checkpoints: each one in the bundle's range is still a signed checkpoint
#    (else the registry's checkpoint table shrank) and the chain passes through it.
checked=0
if [ -n "$saved" ]; then
  while IFS= read -r obj; do
    pos=$(printf '%s' "$obj" | grep -o '"position": *[0-9]*' | grep -o '[0-9]*$' || true)
    dig=$(printf '%s' "$obj" | grep -o '"chain_digest": *"[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}' || true)
    { [ -n "$pos" ] && [ -n "$dig" ]; } || continue
    if [ "$pos" -lt "$anchor_pos" ] || [ "$pos" -gt "$last" ]; then
      echo "note: your saved checkpoint $pos is outside this bundle ($anchor_pos to $last)"
      continue
    fi
    [ -f "checkpoints/$pos.msg" ] \
      || fail "your saved checkpoint $pos is missing: the registry's checkpoint table shrank"
    grep -q "position=$pos chain_digest=$dig " "checkpoints/$pos.msg" \
      || fail "the chain does not extend your saved checkpoint $pos"
    checked=$((checked + 1))
  done < <(tr '}' '\n' < "$saved")
  echo "Your saved checkpoints agree with the bundle: $checked checked"
fi

echo "OK: $events events verified against $(wc -l < chain.tsv) chain links ending at signed checkpoint $last"
