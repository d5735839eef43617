#!/usr/bin/env bash
# Verifies an NQS Registry audit bundle with standard tools only:
# bash, sha256sum, cut, awk, grep and openssl 3 (for Ed25519).
# Usage: verify.sh [BUNDLE_DIR]      Exit status 0 = everything checks out.
set -euo pipefail
cd "${1:-.}"
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Every checkpoint message is signed by the key in public-key.pem.
for msg in checkpoints/*.msg; do
  pos=$(basename "$msg" .msg)
  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \
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

echo "OK: $events events verified against $(wc -l < chain.tsv) chain links ending at signed checkpoint $last"
