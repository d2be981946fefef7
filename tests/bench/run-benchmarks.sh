#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-benchmarks.sh - Threshold's performance targets on this machine, each
# figure printed beside its reference and their ratio.
#
#   tests/bench/run-benchmarks.sh [options]
#
# Options:
#   -b, --build-dir DIR  an existing meson build directory (default: build/)
#   -s, --scratch DIR    databases, content and results (default:
#                        /tmp/threshold-bench). Kept between runs: a database
#                        or the content is made again only when missing or
#                        older than the program that writes it.
#   -r, --rounds N       interleaved rounds (default 5)
#   -n, --runs N         start-up runs per application and round, after one
#                        warm-up (default 2)
#       --sizes "A B C"  learners in the databases (default "100 1000 10000";
#                        the start-up targets are read at the largest)
#       --skip-startup   no start-up measurements (needs no X server)
#       --no-build       use what is built (meson test --benchmark does this)
#   -h, --help
#
# Steps: build threshold and tests/bench; copy the programs into
# SCRATCH/bin, so every round measures the same ones while the tree
# changes; generate the
# databases and the synthetic content once; then ROUNDS rounds, each of
#   1. start-up to the first mapped window (shared/bench/first-window.sh):
#      threshold --database for each size, adw-hello, gnome-text-editor
#      (if installed: apt-get install gnome-text-editor);
#   2. threshold --validate against xmllint --relaxng, on the shipped and the
#      synthetic content, and each program's exec floor (--version),
#      alternated five times; then --export-csv and --export-transcript
#      for each database;
#   2b. bench-supervisor (with start-up, as it needs Xvfb): the matrix in a
#      window, from the request to the first rows drawn, filters, a
#      search, sorts and scrolling, for each database;
#   3. bench-core: the synthetic content, the shipped content, each database
#      (opening, answering, the completion matrix, filters, sorting, one
#      learner's detail, the reports in-process);
# and last the summary, also written to SCRATCH/summary.txt. Raw figures are
# in SCRATCH/results/.
#
# Before each round it waits (up to QUIET_WAIT=300 s) for the CPU to be
# QUIET_IDLE=85 % idle, and says how many rounds started busy anyway.
#
# Start-up is measured in the steady state of a day: a backup of each
# database is made beforehand, as Threshold makes one at its first start of
# the day (on a worker thread, which would otherwise compete for the CPU).
# bench-core really answers: each database grows by 200 answers a round.
set -u
set -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BUILD=$REPO/build
SCRATCH=/tmp/threshold-bench
ROUNDS=5
RUNS=2
SIZES="100 1000 10000"
STARTUP=1
DO_BUILD=1
FIRST_WINDOW=${FIRST_WINDOW:-$REPO/../shared/bench/first-window.sh}
QUIET_IDLE=${QUIET_IDLE:-85}    # percent of the CPU idle before a round starts
QUIET_WAIT=${QUIET_WAIT:-300}   # seconds to wait for it at most
BUSY_ROUNDS=0

usage() { sed -n '3,/^set -u/{/^set -u/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "run-benchmarks: $*" >&2; exit 2; }
say() { echo "# $*" >&2; }

while [ $# -gt 0 ]; do
	case $1 in
	-b | --build-dir) BUILD=$(cd "${2:?}" && pwd) || die "no build directory $2"; shift ;;
	-s | --scratch) SCRATCH=${2:?}; shift ;;
	-r | --rounds) ROUNDS=${2:?}; shift ;;
	-n | --runs) RUNS=${2:?}; shift ;;
	--sizes) SIZES=${2:?}; shift ;;
	--skip-startup) STARTUP=0 ;;
	--no-build) DO_BUILD=0 ;;
	-h | --help) usage; exit 0 ;;
	*) die "unknown option $1 (try --help)" ;;
	esac
	shift
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive whole number"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number"
for n in $SIZES; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "--sizes must be whole numbers, not $n"; done
[ -f "$BUILD/build.ninja" ] || die "$BUILD is not a meson build directory (meson setup build)"
command -v xmllint >/dev/null || die "xmllint missing (apt-get install libxml2-utils)"
if [ "$STARTUP" = 1 ]; then
	[ -x "$FIRST_WINDOW" ] || die "no $FIRST_WINDOW (set FIRST_WINDOW, or --skip-startup)"
	command -v Xvfb >/dev/null || die "Xvfb missing (apt-get install xvfb), or --skip-startup"
fi
((ROUNDS >= 5)) || say "fewer than 5 rounds: the medians are not the issue's"

export LC_ALL=C.UTF-8
BIN=$SCRATCH/bin
RESULTS=$SCRATCH/results
mkdir -p "$BIN" "$RESULTS"
LARGEST=$(tr ' ' '\n' <<<"$SIZES" | sort -n | tail -n1)

# ---- build -------------------------------------------------------------

build() {
	local names=(generate-records bench-core bench-supervisor adw-hello) name
	local targets=(src/threshold src/records/libthreshold-records.so src/ui/libthreshold-ui.so
		src/paper/libthreshold-paper.so data/gschemas.compiled)
	for name in "${names[@]}"; do targets+=("tests/bench/$name"); done
	if [ "$DO_BUILD" = 1 ]; then
		say "building ${targets[*]} in $BUILD"
		ninja -C "$BUILD" "${targets[@]}" >&2 || die "the build failed"
	fi
	for name in "${names[@]}"; do
		[ -x "$BUILD/tests/bench/$name" ] || die "no $BUILD/tests/bench/$name"
		cp -fp "$BUILD/tests/bench/$name" "$BIN/$name"
	done
	[ -x "$BUILD/src/threshold" ] || die "no $BUILD/src/threshold"
	cp -f "$BUILD/src/threshold" "$BIN/threshold"
	# The records' module and the window's, where the program looks beside
	# itself.
	mkdir -p "$BIN/records"
	cp -f "$BUILD/src/records/libthreshold-records.so" "$BIN/records/libthreshold-records.so"
	mkdir -p "$BIN/ui"
	cp -f "$BUILD/src/ui/libthreshold-ui.so" "$BIN/ui/libthreshold-ui.so"
	# The PDF writer's module, for the transcript bench-core writes.
	mkdir -p "$BIN/paper"
	cp -f "$BUILD/src/paper/libthreshold-paper.so" "$BIN/paper/libthreshold-paper.so"
	[ -f "$BUILD/data/gschemas.compiled" ] || die "no compiled schema in $BUILD/data"
}

# ---- inputs ------------------------------------------------------------

database() { echo "$SCRATCH/db-$1/threshold.db"; }

make_inputs() {
	local n db content=$SCRATCH/content-1000
	for n in $SIZES; do
		db=$(database "$n")
		if [ ! -f "$db" ] || [ "$BIN/generate-records" -nt "$db" ]; then
			say "generating $n learners"
			rm -rf "$SCRATCH/db-$n" && mkdir -p "$SCRATCH/db-$n"
			"$BIN/generate-records" --learners "$n" --seed 1 --output "$db" >&2 ||
				die "generate-records failed"
		fi
	done
	if [ ! -d "$content" ] || [ "$HERE/generate-content.py" -nt "$content" ]; then
		say "generating 1,000 synthetic scenarios"
		rm -rf "$content"
		python3 "$HERE/generate-content.py" --output "$content" --scenarios 1000 --seed 1 >&2 ||
			die "generate-content.py failed"
	fi
	# Both must load without an error, or the times would be those of failures.
	"$BIN/threshold" --validate "$REPO/content" >/dev/null || die "the shipped content does not validate"
	"$BIN/threshold" --validate "$content" >/dev/null || die "the synthetic content does not validate"
}

# A backup made now: Threshold then makes none while it starts.
fresh_backups() {
	local n db stamp
	stamp=$(date -u +%Y%m%d-%H%M%S)
	for n in $SIZES; do
		db=$(database "$n")
		rm -rf "$SCRATCH/db-$n/backups"
		"$BIN/threshold" --database "$db" --backup "$SCRATCH/db-$n/backups/threshold-$stamp.db" \
			>/dev/null || die "cannot back up $db"
	done
}

# ---- measurements ------------------------------------------------------

APP_ENV=(THRESHOLD_CONTENT_DIR="$REPO/content" GSETTINGS_SCHEMA_DIR="$BUILD/data"
	GSETTINGS_BACKEND=memory FIRST_WINDOW_BUILD="$SCRATCH/first-window-build"
	XDG_CONFIG_HOME="$SCRATCH/xdg/config" XDG_DATA_HOME="$SCRATCH/xdg/data"
	XDG_CACHE_HOME="$SCRATCH/xdg/cache" XDG_STATE_HOME="$SCRATCH/xdg/state")
# They must exist: without its cache folder fontconfig scans every font at
# every start (+280 ms and +29 MiB for any GTK application here).
mkdir -p "$SCRATCH/xdg/config" "$SCRATCH/xdg/data" "$SCRATCH/xdg/cache" "$SCRATCH/xdg/state"

first_window() { # LABEL PATTERN COMMAND...
	local label=$1 pattern=$2
	shift 2
	say "start-up: $label"
	env "${APP_ENV[@]}" "$FIRST_WINDOW" -q -t 120 -n "$RUNS" -w 1 -m "$pattern" -l "$label" \
		-o "$RESULTS/startup.tsv" -- "$@" >>"$RESULTS/first-window.log" 2>&1 ||
		say "start-up of $label had failed runs (see $RESULTS/first-window.log)"
}

startup_round() {
	local n
	printf 'round\t#\t%s\n' "$round" >>"$RESULTS/startup.tsv"
	for n in $(tr ' ' '\n' <<<"$SIZES" | sort -n); do
		first_window "threshold-$n" Threshold "$BIN/threshold" --database "$(database "$n")"
	done
	# Right after the largest, whose runs the verdict pairs with these.
	first_window adw-hello Hello "$BIN/adw-hello"
	if command -v gnome-text-editor >/dev/null; then
		first_window gnome-text-editor text-editor gnome-text-editor
	fi
}

# The supervisor's matrix in a real window, on a private X server.
view_round() {
	local n
	for n in $SIZES; do
		say "supervisor view: $n learners"
		env "${APP_ENV[@]}" xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
			"$BIN/bench-supervisor" --database "$(database "$n")" --runs 3 --label "$n" 2>/dev/null |
			grep '^RESULT' >>"$RESULTS/core.tsv" || say "bench-supervisor failed for $n learners"
	done
	# The same with GTK drawing through cairo rather than GL, which Xvfb
	# has only as software (llvmpipe): the difference is what software GL
	# costs here.
	say "supervisor view: $LARGEST learners, cairo renderer"
	env "${APP_ENV[@]}" GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
		"$BIN/bench-supervisor" --database "$(database "$LARGEST")" --runs 3 --label "$LARGEST-cairo" 2>/dev/null |
		grep '^RESULT' >>"$RESULTS/core.tsv" || say "bench-supervisor failed with the cairo renderer"
}

time_once() { # LABEL COMMAND...: appends LABEL <tab> ms
	local label=$1 t0 t1
	shift
	t0=$EPOCHREALTIME
	env "${APP_ENV[@]}" "$@" >/dev/null 2>&1
	t1=$EPOCHREALTIME
	awk -v l="$label" -v a="$t0" -v b="$t1" 'BEGIN { printf "%s\t%.3f\n", l, (b - a) * 1000 }' \
		>>"$RESULTS/cli.tsv"
}

cli_round() {
	local rng=$REPO/content/threshold-module.rng synth=$SCRATCH/content-1000 _
	for _ in 1 2 3 4 5; do
		time_once validate-shipped "$BIN/threshold" --validate "$REPO/content"
		time_once xmllint-shipped xmllint --noout --relaxng "$rng" "$REPO"/content/*.xml
		time_once validate-synthetic "$BIN/threshold" --validate "$synth"
		time_once xmllint-synthetic xmllint --noout --relaxng "$rng" "$synth"/*.xml
		time_once version-threshold "$BIN/threshold" --version
		time_once version-xmllint xmllint --version
	done
	# Reports from the command line, start to end, for a learner half-way
	# down the list (ids follow the order they were written in).
	for n in $SIZES; do
		time_once "export-csv-$n" "$BIN/threshold" --database "$(database "$n")" \
			--export-csv "$SCRATCH/everyone.csv"
		time_once "export-transcript-$n" "$BIN/threshold" --database "$(database "$n")" \
			--export-transcript "$((n / 2))" --output "$SCRATCH/transcript.pdf"
	done
}

core_round() {
	local n
	{
		env "${APP_ENV[@]}" "$BIN/bench-core" --content "$SCRATCH/content-1000" --label synthetic --runs 5
		env "${APP_ENV[@]}" "$BIN/bench-core" --content "$REPO/content" --scenarios 0 --label shipped --runs 5
		for n in $SIZES; do
			env "${APP_ENV[@]}" "$BIN/bench-core" --database "$(database "$n")" \
				--curriculum "$REPO/content" --label "$n" --runs 5 --answers 200
		done
	} | grep '^RESULT' >>"$RESULTS/core.tsv" || die "bench-core failed"
}

# The CPU share left idle over a second, in percent.
idle_percent() {
	local a b
	read -r -a a < <(head -n1 /proc/stat)
	sleep 1
	read -r -a b < <(head -n1 /proc/stat)
	awk -v i0="${a[4]}" -v w0="${a[5]}" -v i1="${b[4]}" -v w1="${b[5]}" \
		-v t0="$(IFS=+; echo "$((${a[*]:1}))")" -v t1="$(IFS=+; echo "$((${b[*]:1}))")" \
		'BEGIN { printf "%d\n", (t1 > t0 ? 100 * ((i1 + w1) - (i0 + w0)) / (t1 - t0) : 100) }'
}

# Other work on the machine (a build, a test run) slows one side of a
# comparison more than the other: wait, a while, for it to finish.
wait_for_quiet() {
	local waited=0 idle
	while idle=$(idle_percent) && ((idle < QUIET_IDLE)) && ((waited < QUIET_WAIT)); do
		((waited == 0)) && say "the machine is busy ($idle% idle); waiting up to ${QUIET_WAIT}s"
		sleep 4
		waited=$((waited + 5))
	done
	if ((idle < QUIET_IDLE)); then
		say "still busy ($idle% idle): measuring anyway"
		BUSY_ROUNDS=$((BUSY_ROUNDS + 1))
	fi
}

# ---- summary -----------------------------------------------------------

# median min max n of the numbers on stdin
stats() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "NA NA NA 0"; exit }
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.2f %.2f %.2f %d\n", m, v[1], v[NR], NR }'
}

startup_stats() { # LABEL COLUMN (4 map_ms, 6 hwm_kb): median min max n
	awk -F'\t' -v l="$1" -v c="$2" '$2 == l { print (c == 6 ? $c / 1024 : $c) }' \
		"$RESULTS/startup.tsv" 2>/dev/null | stats
}

cli_stats() { awk -F'\t' -v l="$1" '$1 == l { print $2 }' "$RESULTS/cli.tsv" | stats; }

# Across rounds: the median of the rounds' figures, with the lowest of
# their minimums and the highest of their maximums. COLUMN 4 is a round's
# median (for answers: its p50); 9 is an answer round's p95, whose range is
# that of the rounds' p95s.
core_stats() { # LABEL METRIC [COLUMN]
	local col=${3:-4}
	awk -F'\t' -v l="$1" -v m="$2" -v c="$col" '$2 == l && $3 == m {
		print $c, (c == 4 ? $5 : $c), (c == 4 ? $6 : $c) }' "$RESULTS/core.tsv" |
		sort -g | awk '{ v[NR] = $1; if (NR == 1 || $2 < lo) lo = $2; if (NR == 1 || $3 > hi) hi = $3 }
		END { if (NR == 0) { print "NA NA NA 0"; exit }
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%.2f %.2f %.2f %d\n", m, lo, hi, NR }'
}

# a b: a / b, or NA
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || b == 0) print "NA"; else printf "%.2f\n", a / b }'; }

verdict() { # VALUE OP LIMIT
	awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
		if (v == "NA") { print "n/a"; exit }
		ok = (op == "<=") ? v <= l : v < l
		print ok ? "MET" : "MISSED" }'
}

row() { printf '  %-38s %10s ms  [%s - %s]  n=%s\n' "$1" "$2" "$3" "$4" "$5"; }

summary_startup() {
	local label m rss app ref gte hr
	echo "== Start-up: exec to first mapped window (first-window.sh, warm cache) =="
	printf '  %-38s %10s    %-21s %s\n' "" "median" "[min - max]" "peak RSS MiB median [min - max]"
	for label in adw-hello gnome-text-editor $(for n in $SIZES; do echo "threshold-$n"; done); do
		read -r m mn mx n < <(startup_stats "$label" 4)
		[ "$n" = 0 ] && continue
		read -r rss rmn rmx _ < <(startup_stats "$label" 6)
		printf '  %-38s %10s ms [%s - %s] n=%s   %s [%s - %s]\n' "$label" "$m" "$mn" "$mx" "$n" "$rss" "$rmn" "$rmx"
	done
	read -r app _ < <(startup_stats "threshold-$LARGEST" 4)
	read -r ref _ < <(startup_stats adw-hello 4)
	read -r gte _ < <(startup_stats gnome-text-editor 4)
	read -r hr _ < <(startup_stats "threshold-$LARGEST" 6)
	read -r rss _ < <(startup_stats adw-hello 6)
	local r1 r2 extra p pmn pmx
	r1=$(ratio "$app" "$ref")
	r2=$(ratio "$app" "$gte")
	read -r p pmn pmx _ < <(startup_paired_ratio "threshold-$LARGEST" adw-hello)
	extra=$(awk -v a="$hr" -v b="$rss" 'BEGIN { if (a == "NA" || b == "NA") print "NA"; else printf "%.1f\n", a - b }')
	echo "  targets, threshold with $LARGEST learners:"
	printf '    vs adw-hello:          %s, run by run [%s - %s]   (target <= 1.10)   %s\n' "$p" "$pmn" "$pmx" \
		"$(verdict "$p" '<=' 1.10)"
	printf '      (ratio of the medians: %s / %s ms = %s)\n' "$app" "$ref" "$r1"
	printf '    vs gnome-text-editor:  %s / %s ms = %s   (target < 1.00)    %s\n' "$app" "$gte" "$r2" "$(verdict "$r2" '<' 1)"
	printf '    peak RSS above adw-hello: %s - %s MiB = %s MiB   (target <= 15)   %s\n' "$hr" "$rss" "$extra" "$(verdict "$extra" '<=' 15)"
}

# The median of FIRST's times over SECOND's, each run of FIRST paired with
# the run of SECOND right after it: a host that slows down or speeds up
# between pairs moves both sides of a pair alike.
paired_ratio() { # FIRST SECOND
	awk -F'\t' -v a="$1" -v b="$2" '$1 == a { x[++n] = $2 } $1 == b { y[++m] = $2 }
		END { for (i = 1; i <= n && i <= m; i++) if (y[i] > 0) print x[i] / y[i] }' "$RESULTS/cli.tsv" | stats
}

# The same for start-up: each run of FIRST over SECOND's run of the same
# number in the same round (startup_round() marks the rounds). A failed
# run writes no row, so pairing the rows in order would pair other runs.
startup_paired_ratio() { # FIRST SECOND
	awk -F'\t' -v a="$1" -v b="$2" '$2 == "#" { r = $3 } $2 == a { x[r, $3] = $4 } $2 == b { y[r, $3] = $4 }
		END { for (k in x) if ((k in y) && y[k] > 0) print x[k] / y[k] }' "$RESULTS/startup.tsv" | stats
}

summary_cli() {
	local kind v x r p
	echo "== Content: threshold --validate against xmllint --noout --relaxng (wall time, exec included) =="
	for kind in shipped synthetic; do
		read -r v vmn vmx vn < <(cli_stats "validate-$kind")
		read -r x xmn xmx xn < <(cli_stats "xmllint-$kind")
		read -r p pmn pmx _ < <(paired_ratio "validate-$kind" "xmllint-$kind")
		r=$(ratio "$v" "$x")
		row "threshold --validate ($kind)" "$v" "$vmn" "$vmx" "$vn"
		row "xmllint --relaxng ($kind)" "$x" "$xmn" "$xmx" "$xn"
		if [ "$kind" = shipped ]; then
			printf '    ratio %s, run by run [%s - %s]   (target <= 1.50)   %s\n' "$p" "$pmn" "$pmx" "$(verdict "$p" '<=' 1.5)"
		else
			printf '    ratio %s, run by run [%s - %s]   (no target: the same comparison on 1,000 scenarios)\n' \
				"$p" "$pmn" "$pmx"
		fi
		printf '    (ratio of the medians: %s)\n' "$r"
	done
	read -r v vmn vmx vn < <(cli_stats version-threshold)
	read -r x xmn xmx xn < <(cli_stats version-xmllint)
	row "exec floor: threshold --version" "$v" "$vmn" "$vmx" "$vn"
	row "exec floor: xmllint --version" "$x" "$xmn" "$xmx" "$xn"
}

summary_core() {
	local m mn mx n n_rounds
	echo "== Content in-process (bench-core; median of the rounds' medians [lowest min - highest max]) =="
	read -r m mn mx n < <(core_stats synthetic content_load_ms)
	row "load + check 1,000 scenarios" "$m" "$mn" "$mx" "${n} rounds"
	printf '    target < 70 ms: ratio %s   %s\n' "$(ratio "$m" 70)" "$(verdict "$m" '<' 70)"
	read -r m mn mx n < <(core_stats shipped content_load_ms)
	row "load + check shipped (start-up path)" "$m" "$mn" "$mx" "${n} rounds"

	echo "== Answering: th_quiz_session_answer incl. durable commit (200 answers a round) =="
	for n_rounds in $SIZES; do
		read -r m mn mx n < <(core_stats "$n_rounds" answer_ms 9)
		row "p95, $n_rounds learners" "$m" "$mn" "$mx" "${n} rounds"
		printf '    target p95 < 50 ms: ratio %s   %s\n' "$(ratio "$m" 50)" "$(verdict "$m" '<' 50)"
	done

	echo "== Supervision at scale (bench-core; threshold --export-* start to end) =="
	for n_rounds in $SIZES; do
		echo "  $n_rounds learners:"
		core_row "$n_rounds" matrix_ms "completion matrix data" 50
		core_row "$n_rounds" filter_ms "four filters in turn" 50
		core_row "$n_rounds" sort_ms "sort by name, descending" 50
		core_row "$n_rounds" detail_ms "one learner's detail" 20
		core_row "$n_rounds" insights_ms "team insights data (th_insights_load)" 200
		core_row "$n_rounds" csv_ms "th_report_write_csv" ""
		if [ "$STARTUP" = 1 ]; then
			core_row "$n_rounds" view_first_rows_ms "on screen: cold request to first rows drawn" 150
			core_row "$n_rounds" view_show_ms "on screen: matrix in hand (unlocking) to rows drawn" 150
			core_row "$n_rounds" view_every_row_ms "on screen: cold request to every row in the list" ""
			core_row "$n_rounds" view_reopen_ms "on screen: reopening (back from a learner) to drawn" ""
			core_row "$n_rounds" view_filter_ms "on screen: a filter to drawn" 50
			core_row "$n_rounds" view_search_ms "on screen: a search to drawn" 50
			core_row "$n_rounds" view_sort_ms "on screen: a sort to drawn" 50
			core_row "$n_rounds" view_scroll_ms "on screen: a page down to drawn (max: the slowest frame)" ""
			if [ "$n_rounds" = "$LARGEST" ]; then
				echo "  the same drawn with cairo, not GL (Xvfb's GL is software: llvmpipe):"
				core_row "$n_rounds-cairo" view_first_rows_ms "  cold request to first rows drawn" ""
				core_row "$n_rounds-cairo" view_filter_ms "  a filter to drawn" ""
				core_row "$n_rounds-cairo" view_search_ms "  a search to drawn" ""
				core_row "$n_rounds-cairo" view_sort_ms "  a sort to drawn" ""
			fi
		fi
		read -r m mn mx n < <(cli_stats "export-csv-$n_rounds")
		row "threshold --export-csv" "$m" "$mn" "$mx" "$n"
		printf '    target < 500 ms: ratio %s   %s\n' "$(ratio "$m" 500)" "$(verdict "$m" '<' 500)"
		read -r m mn mx n < <(cli_stats "export-transcript-$n_rounds")
		row "threshold --export-transcript" "$m" "$mn" "$mx" "$n"
		printf '    target < 200 ms: ratio %s   %s\n' "$(ratio "$m" 200)" "$(verdict "$m" '<' 200)"
	done
}

core_row() { # LABEL METRIC WHAT TARGET_MS (empty: none)
	local m mn mx n
	read -r m mn mx n < <(core_stats "$1" "$2")
	row "$3" "$m" "$mn" "$mx" "${n} rounds"
	[ -n "$4" ] && printf '    target < %s ms: ratio %s   %s\n' "$4" "$(ratio "$m" "$4")" "$(verdict "$m" '<' "$4")"
	return 0
}

summary_growth() {
	local n s r o st mx per p95 csv
	echo "== Growth with the number of learners (medians) =="
	printf '  %8s %12s %10s %10s %12s %10s %10s %10s %12s\n' learners start-up_ms RSS_MiB open_ms statuses_ms matrix_ms µs/learner answer_p95 export_csv
	for n in $SIZES; do
		read -r s _ < <(startup_stats "threshold-$n" 4)
		read -r r _ < <(startup_stats "threshold-$n" 6)
		read -r o _ < <(core_stats "$n" store_open_ms)
		read -r st _ < <(core_stats "$n" module_statuses_ms)
		read -r mx _ < <(core_stats "$n" matrix_ms)
		read -r p95 _ < <(core_stats "$n" answer_ms 9)
		read -r csv _ < <(cli_stats "export-csv-$n")
		per=$(awk -v m="$mx" -v n="$n" 'BEGIN { if (m == "NA") print "NA"; else printf "%.2f\n", 1000 * m / n }')
		printf '  %8s %12s %10s %10s %12s %10s %10s %10s %12s\n' "$n" "$s" "$r" "$o" "$st" "$mx" "$per" "$p95" "$csv"
	done
}

summary() {
	echo "Threshold benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, $ROUNDS rounds, sizes: $SIZES"
	echo "binary: $BUILD/src/threshold (copied to $BIN/threshold)"
	((BUSY_ROUNDS == 0)) || echo "note: $BUSY_ROUNDS of $ROUNDS rounds started on a busy machine (< $QUIET_IDLE% idle)"
	echo
	[ "$STARTUP" = 1 ] && { summary_startup; echo; }
	summary_cli
	echo
	summary_core
	echo
	summary_growth
}

# ---- main --------------------------------------------------------------

build
make_inputs
[ "$STARTUP" = 1 ] && fresh_backups
: >"$RESULTS/startup.tsv"
: >"$RESULTS/cli.tsv"
: >"$RESULTS/core.tsv"
: >"$RESULTS/first-window.log"

for ((round = 1; round <= ROUNDS; round++)); do
	wait_for_quiet
	say "round $round of $ROUNDS"
	[ "$STARTUP" = 1 ] && startup_round
	[ "$STARTUP" = 1 ] && view_round
	cli_round
	core_round
done

summary | tee "$SCRATCH/summary.txt"
