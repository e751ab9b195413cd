#!/bin/sh
# run-fuzz.sh FUZZER SEEDS WORK SECONDS: a short libFuzzer run for the suite.
# The seed corpus is only read: new units and anything found go to WORK, in
# the build folder, which each run starts afresh.
set -eu

fuzzer=$1
seeds=$2
work=$3
seconds=$4

rm -rf "$work"
mkdir -p "$work/corpus" "$work/found"
exec "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/found/" "$work/corpus" "$seeds"
