#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the content loader's fuzz target with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer, then fuzzes it for SECONDS (default 60).
#
#   tests/fuzz/run-fuzzer.sh [SECONDS]
#
# FUZZ_MAX_LEN (default 1048576, the loader's limit) caps the inputs: a
# run at libFuzzer's own 4096 goes about ten times as fast, for more
# executions of the small-file paths in the same time.
#
# Everything it makes goes to build-fuzz/ at the top of the checkout: the
# binary, the corpus (kept between runs), and crash-*, leak-*, timeout-*
# and oom-* reproducers in build-fuzz/artifacts/.

set -eu

seconds=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_BUILD_DIR:-$top/build-fuzz}
cc=${CC:-clang}

mkdir -p "$out/obj" "$out/corpus" "$out/artifacts"

# The macros the core reads from the meson-generated config.h.
cat > "$out/config.h" <<'CONFIG'
#pragma once
#define APP_ID "io.github.threshold.Threshold"
#define PACKAGE_VERSION "0.1.0-fuzz"
#define GETTEXT_PACKAGE "threshold"
#define LOCALEDIR "/usr/local/share/locale"
#define PKGDATADIR "/usr/local/share/threshold"
#define CONTENT_DIR "/usr/local/share/threshold/content"
CONFIG

# The schema, compiled in as the application has it.
python3 "$top/build-aux/embed-text.py" "$top/content/threshold-module.rng" th_module_schema \
  "$out/th-module-schema.c" "$out/th-module-schema.h"

flags="-g -O1 -fno-omit-frame-pointer -std=gnu11
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -Wall -Wno-unused-parameter
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74
  -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
  -I$out -I$top/src/core
  $(pkg-config --cflags glib-2.0 gobject-2.0 libxml-2.0)"
libs=$(pkg-config --libs glib-2.0 gobject-2.0 libxml-2.0)

# The loader and what it links, not all of src/core: the rest of the core
# (the store, reports) brings dependencies the loader never uses.
loader="th-catalog th-content-facets th-content-loader th-content-problem th-content-reader th-language-check
  th-lesson th-module th-module-builder th-quiz th-quiz-check th-quiz-form th-tag"
sources="$out/th-module-schema.c $top/tests/fuzz/fuzz-content-loader.c"
for name in $loader; do
  sources="$sources $top/src/core/$name.c"
done

echo "Building $out/fuzz-content-loader"
objects=
for source in $sources; do
  object="$out/obj/$(basename "$source" .c).o"
  # shellcheck disable=SC2086  # $flags is a list of words
  $cc $flags -c "$source" -o "$object"
  objects="$objects $object"
done
# shellcheck disable=SC2086
$cc $flags $objects $libs -o "$out/fuzz-content-loader"

# Seeds: every shipped module and every fixture, good, bad and fuzz-found.
find "$top/content" -maxdepth 1 -name '*.xml' -exec cp {} "$out/corpus/" \;
find "$top/tests/fixtures/content" -name '*.xml' | while read -r file; do
  cp "$file" "$out/corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
done

export G_SLICE=always-malloc G_DEBUG=gc-friendly
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

echo "Fuzzing for $seconds s"
status=0
cd "$out"
rm -f fuzz-0.log
./fuzz-content-loader \
  -dict="$top/tests/fuzz/content.dict" \
  -max_len="${FUZZ_MAX_LEN:-1048576}" -rss_limit_mb=2048 -timeout=10 \
  -max_total_time="$seconds" -jobs=1 -workers=1 \
  -print_final_stats=1 \
  -artifact_prefix="$out/artifacts/" \
  "$out/corpus" || status=$?

# With -jobs the run's output is in fuzz-0.log (libFuzzer also copies it
# to stderr). The final stats give the inputs executed; should they be
# missing, the last "#N" status line does.
total=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' fuzz-0.log | grep -Eo '[0-9]+$' | tail -n 1 || true)
if [ -z "$total" ]; then
  total=$(grep -Eo '^#[0-9]+' fuzz-0.log | tail -n 1 | tr -d '#' || true)
fi
echo "Total executions: ${total:-unknown}"
echo "Reproducers in $out/artifacts:"
find "$out/artifacts" -type f
exit $status
