#!/usr/bin/env bash
# Answering while the sender works: the answer target of the performance
# issue (p95 < 50 ms from a choice to its feedback, durable commit
# included) with a large backlog being sent to a real LRS at the same
# time, beside the same answers with nothing being sent. Rounds are
# interleaved, quiet then sending, each on a fresh copy of the database.
#
#   tests/bench/answer-while-sending.sh [-b BUILD] [-l LEARNERS] [-r ROUNDS]
#
# The sender is `threshold --sync` in a process of its own: the same
# worker code and its own connection, as the app's background sender has.
# Prints each round's p50/p95 and the statements sent meanwhile.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$REPO/build
LEARNERS=10000
ROUNDS=3
while getopts b:l:r: opt; do
	case $opt in
	b) BUILD=$(cd "$OPTARG" && pwd) ;;
	l) LEARNERS=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	*) exit 2 ;;
	esac
done

SCRATCH=${SCRATCH:-/tmp/threshold-answer-while-sending}
mkdir -p "$SCRATCH"
records=$SCRATCH/records-$LEARNERS.db
[ -f "$records" ] || "$BUILD/tests/bench/generate-records" --learners "$LEARNERS" --output "$records" --seed 1

"$REPO/tests/lrs/lrs.sh" install
lrs_dir=$(mktemp -d)
trap '"$REPO/tests/lrs/lrs.sh" stop "$lrs_dir"; rm -rf "$lrs_dir"' EXIT
eval "$("$REPO/tests/lrs/lrs.sh" start "$lrs_dir" | sed 's/^/export LRS_/')"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$BUILD/data THRESHOLD_CONTENT_DIR=$REPO/content
export THRESHOLD_LRS_ENDPOINT=$LRS_endpoint THRESHOLD_LRS_KEY=$LRS_key THRESHOLD_LRS_SECRET=$LRS_secret

sent() {
	sqlite3 "$1" "SELECT count(*) FROM statements WHERE sent_at IS NOT NULL" 2>/dev/null || echo 0
}

answers() {
	"$BUILD/tests/bench/bench-core" --database "$1" --curriculum "$REPO/content" --answers-only --answers 200 \
		--label "$2" | awk -F'\t' '$1 == "RESULT" && $3 == "answer_ms" { printf " p50 %s ms, p95 %s ms (%s answers)", $4, $9, $7 }'
}

echo "backlog: $(sqlite3 "$records" 'SELECT count(*) FROM statements') statements of $LEARNERS learners"
for round in $(seq "$ROUNDS"); do
	rm -f "$SCRATCH"/quiet.db* "$SCRATCH"/busy.db*
	cp "$records" "$SCRATCH/quiet.db"
	echo "round $round, nothing sending:$(answers "$SCRATCH/quiet.db" quiet)"

	cp "$records" "$SCRATCH/busy.db"
	"$BUILD/src/threshold" --database "$SCRATCH/busy.db" --sync >/dev/null 2>&1 &
	sender=$!
	until [ "$(sent "$SCRATCH/busy.db")" -gt 0 ]; do
		kill -0 "$sender" 2>/dev/null || { echo "the sender stopped before sending" >&2; exit 1; }
		sleep 0.2
	done
	line=$(answers "$SCRATCH/busy.db" sending)
	echo "round $round, while sending:$line; sent so far: $(sent "$SCRATCH/busy.db")"
	kill "$sender" 2>/dev/null || true
	wait "$sender" 2>/dev/null || true
done
