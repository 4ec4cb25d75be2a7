#!/usr/bin/env bash
# bench/compare.sh BUILD_DIR [--quick]: measures issue 6's whole-process targets with hyperfine and
# prints each figure, its ratio and a PASS/FAIL table. Run by hand (CI does not run it): timings on
# a shared machine are a report, not a test, so a missed target still exits 0. Non-zero only when
# the comparison cannot be made: a missing tool or binary, a generated file snaplint cannot read, a
# crash.
#
# BUILD_DIR is a Release build configured with -DSNAPLINT_BUILD_BENCHMARKS=ON: it must hold
# cli/snaplint, bench/snaplint_floor and bench/snaplint_generate. --quick skips the 1M-node file
# (about 770 MB). Files are generated into a temporary directory that is removed on exit.
#
# Each comparison is one hyperfine run holding snaplint and its baseline (hyperfine runs them one
# after the other, with 2 warm-up runs each so the file is in the page cache); ratios are taken
# between medians, which a busy neighbour disturbs less than means.
set -euo pipefail

usage() {
  echo "usage: bench/compare.sh BUILD_DIR [--quick]" >&2
  exit 2
}

die() {
  echo "compare.sh: $*" >&2
  exit 2
}

build=""
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h | --help) usage ;;
    -*) die "unknown option '$arg'" ;;
    *)
      [ -z "$build" ] || usage
      build=$arg
      ;;
  esac
done
[ -n "$build" ] || usage

snaplint=$build/cli/snaplint
floor=$build/bench/snaplint_floor
generate=$build/bench/snaplint_generate
for binary in "$snaplint" "$floor" "$generate"; do
  [ -x "$binary" ] || die "$binary not found (configure BUILD_DIR with -DCMAKE_BUILD_TYPE=Release -DSNAPLINT_BUILD_BENCHMARKS=ON and build it)"
done
for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool not found (apt-get install hyperfine python3 time)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/snaplint-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- helpers -------------------------------------------------------------------------------------

# A command line for hyperfine -N (no shell: it splits the line into words itself).
command_line() {
  local line="" word
  for word in "$@"; do line+="${line:+ }$(printf '%q' "$word")"; done
  printf '%s' "$line"
}

# run_checked CMD...: runs CMD once with its output discarded, before it is timed. snaplint exits 0
# (clean) or 1 (errors found); anything else means the figures would be about something else.
run_checked() {
  local status=0
  "$@" >/dev/null 2>"$work/stderr" || status=$?
  if [ "$status" -ge 2 ]; then
    echo "compare.sh: '$*' exited with status $status:" >&2
    head -n 20 "$work/stderr" >&2
    exit 3
  fi
  if [ "$status" -eq 1 ]; then
    echo "note: '$*' reported problems (exit 1); the generated files should be clean" >&2
  fi
}

# median JSON NAME: the median time in seconds of the command named NAME in hyperfine's export.
median() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print("%.6f" % next(r["median"] for r in results if r["command"] == sys.argv[2]))
EOF
}

# hyperfine_run JSON [OPTION VALUE]... NAME COMMAND [NAME COMMAND]...: one hyperfine run of the
# commands (2 warm-up runs each unless --warmup is given), exported to JSON.
hyperfine_run() {
  local json=$1
  shift
  local options=()
  while [ $# -gt 0 ] && [ "${1:0:1}" = "-" ]; do
    options+=("$1" "$2")
    shift 2
  done
  [[ " ${options[*]} " == *" --warmup "* ]] || options+=(--warmup 2)
  local arguments=()
  while [ $# -gt 0 ]; do
    arguments+=(-n "$1" "$2")
    shift 2
  done
  echo
  hyperfine -N -i "${options[@]}" --export-json "$json" "${arguments[@]}" ||
    die "hyperfine failed"
}

calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
verdict() { awk "BEGIN { print ($1 <= $2) ? \"PASS\" : \"FAIL\" }"; }

rows=()
row() { rows+=("$1|$2|$3|$4"); } # target, measured, limit, verdict

bytes_of() { stat -c %s "$1"; }
megabytes() { calc "$(bytes_of "$1") / 1000000" 1; }

# --- the files -----------------------------------------------------------------------------------

echo "snaplint: $("$snaplint" --version 2>&1 | head -n 1); $(nproc) cores; files in $work"
"$generate" 100000 >"$work/nodes-100k.json"
"$generate" 20 >"$work/nodes-20.json"
mkdir "$work/many"
for seed in $(seq 1 1000); do
  "$generate" 20 --seed "$seed" >"$work/many/agent-$seed.json"
done
echo "100k nodes: $(megabytes "$work/nodes-100k.json") MB; 20 nodes: $(bytes_of "$work/nodes-20.json") bytes; 1000 files of 20 nodes"

# --- 1. large file --------------------------------------------------------------------------------

file=$work/nodes-100k.json
run_checked "$snaplint" check "$file"
run_checked "$floor" "$file"
hyperfine_run "$work/t1.json" snaplint "$(command_line "$snaplint" check "$file")" \
  floor "$(command_line "$floor" "$file")"
t100k=$(median "$work/t1.json" snaplint)
floor100k=$(median "$work/t1.json" floor)
ratio=$(calc "$t100k / $floor100k")
echo "1. 100k nodes: snaplint $(calc "$t100k" 3) s, floor $(calc "$floor100k" 3) s: ${ratio}x"
row "1. 100k nodes: snaplint / floor" "${ratio}x ($(calc "$t100k" 3) s / $(calc "$floor100k" 3) s)" "2.5x" "$(verdict "$ratio" 2.5)"

# --- 2. scale -------------------------------------------------------------------------------------

if [ "$quick" -eq 1 ]; then
  row "2a. 1M nodes: time / 100k time" "skipped (--quick)" "11x" "-"
  row "2b. 1M nodes: peak RSS / file size" "skipped (--quick)" "2x" "-"
else
  big=$work/nodes-1m.json
  "$generate" 1000000 >"$big"
  echo
  echo "1M nodes: $(megabytes "$big") MB"
  run_checked "$snaplint" check "$big"
  # A run takes seconds: three of each, after one warm-up.
  hyperfine_run "$work/t2.json" --warmup 1 --runs 3 \
    100k "$(command_line "$snaplint" check "$file")" \
    1M "$(command_line "$snaplint" check "$big")"
  small=$(median "$work/t2.json" 100k)
  large=$(median "$work/t2.json" 1M)
  ratio=$(calc "$large / $small")
  echo "2a. 1M nodes $(calc "$large" 3) s, 100k nodes $(calc "$small" 3) s: ${ratio}x"
  row "2a. 1M nodes: time / 100k time" "${ratio}x ($(calc "$large" 3) s / $(calc "$small" 3) s)" "11x" "$(verdict "$ratio" 11)"

  status=0
  /usr/bin/time -f %M -o "$work/rss" "$snaplint" check "$big" >/dev/null 2>&1 || status=$?
  [ "$status" -le 1 ] || die "snaplint check $big exited with status $status under /usr/bin/time"
  rss_kb=$(tail -n 1 "$work/rss")
  ratio=$(calc "$rss_kb * 1024 / $(bytes_of "$big")")
  rss_mb=$(calc "$rss_kb * 1024 / 1000000" 1)
  echo "2b. 1M nodes: peak RSS $rss_mb MB for a $(megabytes "$big") MB file: ${ratio}x"
  row "2b. 1M nodes: peak RSS / file size" "${ratio}x ($rss_mb MB / $(megabytes "$big") MB)" "2x" "$(verdict "$ratio" 2)"
  rm -f "$big"
fi

# --- 3. small files -------------------------------------------------------------------------------

file=$work/nodes-20.json
run_checked "$snaplint" check "$file"
run_checked "$floor" "$file"
hyperfine_run "$work/t3.json" snaplint "$(command_line "$snaplint" check "$file")" \
  floor "$(command_line "$floor" "$file")"
small=$(median "$work/t3.json" snaplint)
base=$(median "$work/t3.json" floor)
ratio=$(calc "$small / $base")
echo "3. 20 nodes: snaplint $(calc "$small * 1000" 2) ms, floor $(calc "$base * 1000" 2) ms: ${ratio}x"
row "3. 20 nodes: snaplint / floor" "${ratio}x ($(calc "$small * 1000" 2) ms / $(calc "$base * 1000" 2) ms)" "1.5x" "$(verdict "$ratio" 1.5)"

# --- 4. many small files --------------------------------------------------------------------------

dir=$work/many
run_checked "$snaplint" check "$dir"
hyperfine_run "$work/t4.json" "snaplint DIR" "$(command_line "$snaplint" check "$dir")"
many=$(median "$work/t4.json" "snaplint DIR")
echo "4a. 1000 files of 20 nodes: $(calc "$many" 3) s"
row "4a. 1000 files of 20 nodes (default jobs)" "$(calc "$many" 3) s" "0.5 s" "$(verdict "$many" 0.5)"

# The reports must not depend on the number of threads: text and JSON (which lists every file, in
# order) of --jobs 1, --jobs 2 and the default, byte for byte.
if "$snaplint" check --help 2>&1 | grep -q -- '--jobs'; then
  same=yes
  for format in text json; do
    for jobs in 1 2 default; do
      options=(--format "$format")
      [ "$jobs" = default ] || options+=(--jobs "$jobs")
      status=0
      "$snaplint" check "${options[@]}" "$dir" >"$work/out-$format-$jobs" 2>&1 || status=$?
      [ "$status" -le 1 ] || die "snaplint check ${options[*]} exited with status $status"
    done
    cmp -s "$work/out-$format-1" "$work/out-$format-2" || same=no
    cmp -s "$work/out-$format-1" "$work/out-$format-default" || same=no
  done
  echo "4b. output of --jobs 1, --jobs 2 and the default identical: $same"
  row "4b. --jobs 1 = --jobs 2 = default output" "$same" "yes" "$([ "$same" = yes ] && echo PASS || echo FAIL)"
else
  echo "4b. --jobs not supported"
  row "4b. --jobs 1 = --jobs 2 = default output" "--jobs not supported" "yes" "-"
fi

# --- the table ------------------------------------------------------------------------------------

echo
printf '%-42s  %-36s  %-6s  %s\n' target measured limit result
printf '%-42s  %-36s  %-6s  %s\n' ------ -------- ----- ------
for line in "${rows[@]}"; do
  IFS='|' read -r target measured limit result <<<"$line"
  printf '%-42s  %-36s  %-6s  %s\n' "$target" "$measured" "$limit" "$result"
done
