#!/usr/bin/env bash
# Replays the saved corpus of each fuzz target, then fuzzes each one for a bounded time.
#   fuzz/run.sh BUILD_DIR SECONDS_PER_TARGET [SHARED_DIR] [TARGET...]
# BUILD_DIR holds the fuzzers (docs/fuzzing.md says how to configure it); SHARED_DIR is the
# shared folder with corpus/ and suites/ (default: $SNAPLINT_SHARED_DIR, else ../shared beside
# the repository), used for seeds only and never copied into the repository. Seeds are gathered
# into a temporary directory on each run; inputs found while fuzzing stay there too (merge the
# interesting ones into fuzz/corpus/ by hand, see docs/fuzzing.md; SNAPLINT_FUZZ_KEEP=DIR keeps
# them in DIR/<target> instead). A crash, leak, timeout or
# out-of-memory makes the script exit non-zero; the input that caused it is kept in
# BUILD_DIR/fuzz-artifacts/ and its path printed.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS_PER_TARGET [SHARED_DIR] [TARGET...]" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
seconds=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
shared_dir=${3:-${SNAPLINT_SHARED_DIR:-$repo/../shared}}
shift $(($# < 3 ? $# : 3))
targets=("$@")
[ ${#targets[@]} -gt 0 ] ||
  targets=(lint_fuzzer lint_structured_fuzzer config_fuzzer writers_fuzzer)

artifacts="$build_dir/fuzz-artifacts"
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seeds. Snapshots: every rule fixture, the examples and the shared corpus; for lint_fuzzer also
# JSONTestSuite's parser cases. Configs: the JSON blocks of the configuration docs.
mkdir -p "$work/seeds/snapshots" "$work/seeds/json-suite" "$work/seeds/configs"
copy_numbered() {  # $1: destination; the rest: files (names may repeat across folders)
  local destination=$1 n=0
  shift
  for file in "$@"; do
    cp "$file" "$destination/$n-$(basename "$file")"
    n=$((n + 1))
  done
}
mapfile -t snapshot_seeds < <(
  find "$repo/tests/rules" "$repo/examples" -name '*.json' -type f
  [ -d "$shared_dir/corpus" ] && find "$shared_dir/corpus" -name '*.json' -type f
  true)
copy_numbered "$work/seeds/snapshots" "${snapshot_seeds[@]}"
if [ -d "$shared_dir/suites/JSONTestSuite/test_parsing" ]; then
  mapfile -t suite_seeds < <(find "$shared_dir/suites/JSONTestSuite/test_parsing" -type f)
  copy_numbered "$work/seeds/json-suite" "${suite_seeds[@]}"
else
  echo "note: no $shared_dir/suites/JSONTestSuite: lint_fuzzer starts without the parser cases"
fi
[ -d "$shared_dir/corpus" ] || echo "note: no $shared_dir/corpus: seeds are the fixtures only"
awk -v dir="$work/seeds/configs" '
  /^```json/ { inside = 1; n++; next }
  /^```/ { inside = 0; next }
  inside { print > (dir "/" FILENAME_ID "-" n ".json") }' \
  FILENAME_ID=configuration "$repo/docs/configuration.md" \
  FILENAME_ID=readme "$repo/README.md"

seeds_for() {
  case $1 in
    lint_fuzzer) echo "$work/seeds/snapshots $work/seeds/json-suite" ;;
    lint_structured_fuzzer) echo "$work/seeds/snapshots" ;;
    config_fuzzer) echo "$work/seeds/configs" ;;
    # Its input is read by FuzzedDataProvider: any bytes do; text gives it printable strings.
    writers_fuzzer) echo "$repo/examples" ;;
  esac
}
dict_for() {
  case $1 in
    lint_fuzzer | lint_structured_fuzzer) echo "-dict=$repo/fuzz/snapshot.dict" ;;
    config_fuzzer) echo "-dict=$repo/fuzz/config.dict" ;;
    *) echo "" ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
common=(-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
        "-artifact_prefix=$artifacts/")
status=0
summary=()
for target in "${targets[@]}"; do
  binary="$build_dir/fuzz/$target"
  [ -x "$binary" ] || { echo "missing $binary: build the 'fuzzers' target"; exit 2; }
  saved="$repo/fuzz/corpus/$target"
  log="$work/$target.log"

  echo "== $target: replaying fuzz/corpus/$target"
  if [ -d "$saved" ] && [ -n "$(ls -A "$saved")" ]; then
    # shellcheck disable=SC2046
    if ! "$binary" -runs=0 "${common[@]}" $(dict_for "$target") "$saved" >"$log" 2>&1; then
      tail -n 60 "$log"
      grep -h 'Test unit written to' "$log" || true
      echo "FAILED: $target on its saved corpus"
      status=1
      summary+=("$target: FAILED replaying the saved corpus")
      continue
    fi
    grep -E '^#[0-9]+\s+(INITED|DONE)' "$log" | tail -n 1 || true
  else
    echo "(no saved corpus)"
  fi

  echo "== $target: fuzzing for ${seconds}s"
  found_dir="${SNAPLINT_FUZZ_KEEP:-$work/corpus}/$target"
  mkdir -p "$found_dir"
  # shellcheck disable=SC2046
  if "$binary" -max_total_time="$seconds" "${common[@]}" $(dict_for "$target") \
    "$found_dir" $([ -d "$saved" ] && echo "$saved") $(seeds_for "$target") \
    >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
    tail -n 80 "$log"
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
  found=$(find "$found_dir" -type f | wc -l)
  cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
  line="$target: $result, ${execs:-?} executions in ${seconds}s, ${rate:-?} exec/s, $cov,"
  line+=" ${found} new inputs, peak RSS ${peak:-?} MB"
  echo "$line"
  summary+=("$line")
  if [ "$result" = FAILED ]; then
    grep -h 'Test unit written to' "$log" | sed 's/^/    /' || true
    summary+=("    $(grep -h 'Test unit written to' "$log" | head -n 1 || echo 'no test unit written')")
  fi
done

echo "== fuzzing summary"
printf '%s\n' "${summary[@]}"
exit $status
