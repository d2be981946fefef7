#!/bin/sh
# Validates every shipped module with xmllint and the shipped schema.
# usage: check-xmllint.sh XMLLINT CONTENT_DIR
set -eu
xmllint=$1
dir=$2
set -- "$dir"/*.xml
[ -e "$1" ] || { echo "no modules in $dir" >&2; exit 1; }
exec "$xmllint" --noout --nonet --relaxng "$dir/threshold-module.rng" "$@"
