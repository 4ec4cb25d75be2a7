#!/usr/bin/env bash
# Checks an installed snaplint as its users get it:
#
#   cmake --install build --prefix PREFIX && bash tests/package/run.sh PREFIX
#
# - the tree holds what it should, and only the public headers;
# - those headers include nothing but each other and the standard library (no Boost, RapidJSON,
#   valijson), and each compiles on its own (snaplint.h also as C99);
# - the version is the same in version.hpp, the library, the CMake package, the pkg-config file,
#   the shared library's file name and `snaplint --version`;
# - the consumers in this folder (C++ and C, shared and static; also from a C-only project) build
#   with find_package(snaplint 0.1 CONFIG) and run, while 0.0 or 0.2 is refused; the
#   examples in examples/api/ build on their own and refuse a broken snapshot;
# - the consumers also build with plain `c++`/`cc` and `pkg-config --cflags --libs snaplint`;
# - the installed executable lints and explains.
# Needs cmake, a C and C++ compiler, pkg-config and ldd. Builds in a temporary directory.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 PREFIX   (a directory snaplint was installed into)" >&2
  exit 2
fi
prefix=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "tests/package/run.sh: FAILED: $*" >&2
  exit 1
}
step() { echo "== package: $*"; }

generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi

step "install layout"
archive=$(find "$prefix" -name libsnaplint.a -print -quit)
[ -n "$archive" ] || fail "no libsnaplint.a under $prefix"
libdir=$(dirname "$archive")
include_dir="$prefix/include/snaplint"
public_headers="diagnostic.hpp export.hpp linter.hpp report.hpp result.hpp snaplint.h snaplint.hpp version.hpp"
installed_headers=$(cd "$include_dir" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ' | sed 's/ $//')
[ "$installed_headers" = "$public_headers" ] ||
  fail "include/snaplint holds '$installed_headers', expected exactly '$public_headers'"
version=$(sed -n 's/^#define SNAPLINT_VERSION_STRING "\(.*\)"$/\1/p' "$include_dir/version.hpp")
[ -n "$version" ] || fail "no SNAPLINT_VERSION_STRING in version.hpp"
major=${version%%.*}
for file in "$prefix/bin/snaplint" "$libdir/libsnaplint.so" "$libdir/libsnaplint.so.$major" \
  "$libdir/libsnaplint.so.$version" "$libdir/cmake/snaplint/snaplintConfig.cmake" \
  "$libdir/cmake/snaplint/snaplintConfigVersion.cmake" \
  "$libdir/cmake/snaplint/snaplintTargets.cmake" "$libdir/pkgconfig/snaplint.pc" \
  "$prefix/share/doc/snaplint/README.md"; do
  [ -e "$file" ] || fail "missing $file"
done
source_pages=$(cd "$source_dir/docs/rules" && find . -maxdepth 1 -name "*.md" | sort)
installed_pages=$(cd "$prefix/share/doc/snaplint/rules" && find . -name "*.md" | sort)
[ "$source_pages" = "$installed_pages" ] || fail "share/doc/snaplint/rules differs from docs/rules"
# The exported targets name no build-tree path, no object library and no dependency.
if grep -nE 'Boost|RapidJSON|valijson|snaplint_core|snaplint_rules|snaplint_api|INTERFACE_LINK_LIBRARIES|'"$source_dir" \
  "$libdir"/cmake/snaplint/snaplintTargets*.cmake; then
  fail "the exported targets refer to something outside the installed tree"
fi

step "the installed headers need only each other and the standard library"
# The headers a public header may include: its siblings, and these from the C and C++ standard
# libraries (extend the list when the API needs another one).
standard_headers=" algorithm any array atomic bit cassert cctype cerrno chrono cmath compare
  concepts cstddef cstdint cstdio cstdlib cstring exception expected filesystem functional
  initializer_list iosfwd istream iterator limits map memory new optional ostream ranges set
  span stdbool.h stddef.h stdint.h stdexcept string string_view system_error tuple type_traits
  unordered_map utility variant vector "
for header in $public_headers; do
  while read -r included; do
    name=${included#snaplint/}
    if [ "$name" != "$included" ] && [[ " $public_headers " == *" $name "* ]]; then continue; fi
    [[ "$standard_headers" == *[[:space:]]"$included"[[:space:]]* ]] ||
      fail "snaplint/$header includes <$included>, which is neither public nor standard"
  done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/p' \
    "$include_dir/$header")
done
# The same, as the compiler sees it: each header compiles alone, and opens no file of a
# library snaplint uses privately.
check_opened_files() {  # $1: what was compiled; stdin: the compiler's -H output
  if grep -E '^\.+ .*/(boost|rapidjson|valijson|CLI)/' >"$work/leaks"; then
    fail "$1 pulls in: $(head -3 "$work/leaks")"
  fi
}
for header in $public_headers; do
  echo "#include <snaplint/$header>" |
    c++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -H -I"$prefix/include" -x c++ - \
      2>"$work/opened" || fail "snaplint/$header does not compile on its own: $(cat "$work/opened")"
  check_opened_files "snaplint/$header" <"$work/opened"
done
echo "#include <snaplint/snaplint.h>" |
  cc -std=c99 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -H -I"$prefix/include" -x c - \
    2>"$work/opened" || fail "snaplint/snaplint.h does not compile as C99: $(cat "$work/opened")"
check_opened_files "snaplint/snaplint.h (C)" <"$work/opened"

step "one version: $version"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
[ "$(pkg-config --modversion snaplint)" = "$version" ] || fail "snaplint.pc has another version"
[ "$("$prefix/bin/snaplint" --version)" = "snaplint $version" ] ||
  fail "snaplint --version says '$("$prefix/bin/snaplint" --version)'"
grep -q "set(PACKAGE_VERSION \"$version\")" "$libdir/cmake/snaplint/snaplintConfigVersion.cmake" ||
  fail "snaplintConfigVersion.cmake has another version"

# $1: a consumer; it must print "snaplint VERSION" and succeed.
run_consumer() {
  local output
  output=$("$@") || fail "$1 failed"
  [ "$output" = "snaplint $version" ] || fail "$1 printed '$output'"
  echo "$1: ok"
}
# $1: an executable; $2: "shared" if it must load libsnaplint.so from the prefix, else "static".
check_linkage() {
  local found
  found=$(LD_LIBRARY_PATH="${LD_LIBRARY_PATH:-}" ldd "$1" | grep 'libsnaplint' || true)
  if [ "$2" = shared ]; then
    [[ "$found" == *"=> $libdir/libsnaplint.so.$major "* ]] ||
      fail "$1 does not load $libdir/libsnaplint.so.$major: ${found:-not linked}"
  else
    [ -z "$found" ] || fail "$1 should not load libsnaplint.so: $found"
  fi
}

step "CMake: find_package(snaplint 0.1 CONFIG) in tests/package"
cmake -S "$here" -B "$work/cmake" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON >"$work/log" ||
  { cat "$work/log"; fail "the consumer project does not configure"; }
found_dir=$(sed -n 's/^snaplint_DIR:PATH=//p' "$work/cmake/CMakeCache.txt")
[ "$found_dir" -ef "$libdir/cmake/snaplint" ] || fail "found snaplint in $found_dir"
cmake --build "$work/cmake"
for kind in shared static; do
  for consumer in cpp_consumer c_consumer; do
    run_consumer "$work/cmake/${consumer}_$kind"
    check_linkage "$work/cmake/${consumer}_$kind" "$kind"
  done
done
step "CMake: a C-only project (tests/package/c_only)"
cmake -S "$here/c_only" -B "$work/c_only" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON >"$work/log" ||
  { cat "$work/log"; fail "the C-only consumer project does not configure"; }
cmake --build "$work/c_only"
for kind in shared static; do
  run_consumer "$work/c_only/c_only_consumer_$kind"
  check_linkage "$work/c_only/c_only_consumer_$kind" "$kind"
done

# 0.x: a minor version may break the API, so a project asking for another minor version (older
# or newer) is refused.
minor=$(echo "$version" | cut -d. -f2)
other_minors=("$major.$((minor + 1))")
if [ "$minor" -gt 0 ]; then other_minors+=("$major.$((minor - 1))"); fi
for requested in "${other_minors[@]}"; do
  mkdir -p "$work/version-$requested"
  cat >"$work/version-$requested/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.25)
project(version_check LANGUAGES NONE)
find_package(snaplint $requested CONFIG)
if(snaplint_FOUND)
  message(FATAL_ERROR "accepted")
endif()
EOF
  cmake -S "$work/version-$requested" -B "$work/version-$requested/build" \
    -DCMAKE_PREFIX_PATH="$prefix" >"$work/log" 2>&1 ||
    { cat "$work/log"; fail "find_package(snaplint $requested) accepted $version"; }
done

step "CMake: the examples on their own"
cmake -S "$source_dir/examples/api/cpp" -B "$work/example-cpp" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON >"$work/log" ||
  { cat "$work/log"; fail "examples/api/cpp does not configure"; }
cmake --build "$work/example-cpp"
examples=("$work/example-cpp/lint_before_upload")
if [ -f "$source_dir/examples/api/c/CMakeLists.txt" ]; then
  cmake -S "$source_dir/examples/api/c" -B "$work/example-c" "${generator[@]}" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON >"$work/log" ||
    { cat "$work/log"; fail "examples/api/c does not configure"; }
  cmake --build "$work/example-c"
  examples+=("$work/example-c/lint_before_upload")
fi
for example in "${examples[@]}"; do
  "$example" "$source_dir/examples/support_agent.json" >/dev/null 2>&1 ||
    fail "$example does not upload examples/support_agent.json"
  status=0
  "$example" "$source_dir/examples/broken_agent.json" >/dev/null 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "$example exits $status on examples/broken_agent.json, not 1"
  echo "$example: ok"
done

step "pkg-config: c++/cc \$(pkg-config --cflags --libs snaplint)"
# Unquoted on purpose: pkg-config's output is a list of flags.
# shellcheck disable=SC2046
c++ -std=c++20 -Wall -Wextra -Werror -o "$work/pc_cpp_consumer" "$here/cpp_consumer.cpp" \
  $(pkg-config --cflags --libs snaplint)
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -Werror -o "$work/pc_c_consumer" "$here/c_consumer.c" \
  $(pkg-config --cflags --libs snaplint)
# Static: libsnaplint.a, then Libs.private (the C++ runtime) from pkg-config --static.
private_libs=$(pkg-config --static --libs-only-l snaplint | sed 's/-lsnaplint\b//')
# shellcheck disable=SC2046,SC2086
cc -std=c99 -Wall -Wextra -Werror -o "$work/pc_c_consumer_static" "$here/c_consumer.c" \
  $(pkg-config --cflags snaplint) "$libdir/libsnaplint.a" $private_libs
for consumer in pc_cpp_consumer pc_c_consumer; do
  LD_LIBRARY_PATH="$libdir" run_consumer "$work/$consumer"
  LD_LIBRARY_PATH="$libdir" check_linkage "$work/$consumer" shared
done
run_consumer "$work/pc_c_consumer_static"
check_linkage "$work/pc_c_consumer_static" static

step "the installed executable"
status=0
"$prefix/bin/snaplint" check "$source_dir/examples/broken_agent.json" >/dev/null || status=$?
[ "$status" -eq 1 ] || fail "snaplint check exits $status on examples/broken_agent.json, not 1"
"$prefix/bin/snaplint" check "$source_dir/examples/support_agent.json" >/dev/null ||
  fail "snaplint check fails on examples/support_agent.json"
"$prefix/bin/snaplint" explain dangling-edge | grep -q 'dangling-edge' || fail "snaplint explain"
check_linkage "$prefix/bin/snaplint" static

echo "== package: all checks passed for $prefix"
