# libsnaplint never writes to standard output or standard error: nm finds no reference, in the
# objects of libsnaplint.a nor in libsnaplint.so, to std::cout/cerr/clog (and their wide forms),
# the printf family that writes to a stream or descriptor, puts/putchar/perror, or stdout/stderr.
# (Formatting into memory, snprintf or std::ostringstream, is fine.) simdjson checks the same way.
#
#   cmake -DNM=nm -DCXX=c++ -DSTATIC_LIBRARY=libsnaplint.a -DSHARED_LIBRARY=libsnaplint.so
#         -DWORK_DIR=DIR -P no_printing_test.cmake
#
# Before looking at the library, the check proves on small objects compiled here that it finds
# each kind of reference and flags nothing in an object that only formats into memory.
cmake_minimum_required(VERSION 3.25)
foreach(variable IN ITEMS NM CXX STATIC_LIBRARY SHARED_LIBRARY WORK_DIR)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "no_printing_test.cmake: -D${variable}=... is required")
  endif()
endforeach()

set(forbidden "^(std::w?(cout|cerr|clog)|(__)?v?[fd]?w?printf(_chk)?|puts|putchar|perror|stdout|stderr)$")

# Sets `out_var` to "WHERE: SYMBOL" for each forbidden undefined symbol in `file` (an archive, an
# object or, with `dynamic`, a shared library) and `count_var` to the number of undefined symbols.
function(find_printing file dynamic out_var count_var)
  set(dynamic_flag "")
  if(dynamic)
    set(dynamic_flag -D)
  endif()
  execute_process(COMMAND "${NM}" -C ${dynamic_flag} --undefined-only "${file}"
                  OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${NM} failed on ${file}: ${errors}")
  endif()
  # Demangled names contain brackets ([abi:cxx11]) and may contain ';': keep them out of lists.
  string(REPLACE ";" "," output "${output}")
  string(REPLACE "[" "(" output "${output}")
  string(REPLACE "]" ")" output "${output}")
  string(REPLACE "\n" ";" lines "${output}")
  get_filename_component(where "${file}" NAME)
  set(found "")
  set(count 0)
  foreach(line IN LISTS lines)
    if(line MATCHES "^([^ ].*):$")  # an archive member's header
      set(where "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^ +U (.+)$")
      math(EXPR count "${count} + 1")
      string(REGEX REPLACE "@.*$" "" symbol "${CMAKE_MATCH_1}")  # printf@GLIBC_2.2.5
      if(symbol MATCHES "${forbidden}")
        list(APPEND found "${where}: ${symbol}")
      endif()
    endif()
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
  set(${count_var} "${count}" PARENT_SCOPE)
endfunction()

# --- the check finds what it should, and only that
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(sample_streams [[#include <iostream>
void f(int i) { std::cout << i; std::cerr << i; std::clog << i; }]])
set(sample_streams_expected "std::cout;std::cerr;std::clog")
set(sample_printf [[#include <cstdio>
void f(int i) { std::printf("%d\n", i); std::puts("done"); }]])
set(sample_printf_expected "printf;puts")
set(sample_stderr [[#include <cstdio>
void f(int i) { std::fprintf(stderr, "%d\n", i); }]])
set(sample_stderr_expected "fprintf;stderr")
set(sample_in_memory [[#include <cstdio>
#include <sstream>
#include <string>
std::string f(int i) {
  std::ostringstream out;
  out << i;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%d", i);
  return out.str() + buffer + std::to_string(i);
}]])
set(sample_in_memory_expected "")
foreach(sample IN ITEMS streams printf stderr in_memory)
  file(WRITE "${WORK_DIR}/${sample}.cpp" "${sample_${sample}}\n")
  execute_process(COMMAND "${CXX}" -std=c++20 -O2 -c "${sample}.cpp" -o "${sample}.o"
                  WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE status ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "cannot compile the ${sample} sample: ${errors}")
  endif()
  find_printing("${WORK_DIR}/${sample}.o" FALSE found count)
  set(expected "")
  foreach(symbol IN LISTS sample_${sample}_expected)
    list(APPEND expected "${sample}.o: ${symbol}")
  endforeach()
  list(SORT found)
  list(SORT expected)
  if(NOT found STREQUAL expected)
    message(FATAL_ERROR "the check is broken: in the ${sample} sample it found '${found}', "
                        "expected '${expected}'")
  endif()
endforeach()

# --- the library
find_printing("${STATIC_LIBRARY}" FALSE static_found static_count)
find_printing("${SHARED_LIBRARY}" TRUE shared_found shared_count)
if(static_count EQUAL 0 OR shared_count EQUAL 0)
  message(FATAL_ERROR "nm listed no undefined symbols at all in ${STATIC_LIBRARY} or "
                      "${SHARED_LIBRARY}: the check is not looking at the library")
endif()
set(found ${static_found} ${shared_found})
if(found)
  list(JOIN found "\n  " found)
  message(FATAL_ERROR "libsnaplint must not print, but it refers to:\n  ${found}")
endif()
message(STATUS "no printing: ${static_count} undefined symbols in ${STATIC_LIBRARY} and "
               "${shared_count} in ${SHARED_LIBRARY}, none of them a way to print")
