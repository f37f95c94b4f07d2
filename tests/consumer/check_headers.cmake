# Compiles each installed public header alone, with nothing but the installed
# include dir: a header that needs another one first, warns, or pulls in an
# ICU, RE2, Abseil or utf8proc header fails (issue 2, "Done when").
#
#   cmake -DPREFIX=<install prefix> -DWORK_DIR=<scratch dir> -DCXX=<compiler>
#         -P check_headers.cmake
cmake_minimum_required(VERSION 3.18)

file(GLOB headers RELATIVE ${PREFIX}/include ${PREFIX}/include/newsevents/*.h)
if(NOT headers)
  message(FATAL_ERROR "no public header installed in ${PREFIX}/include/newsevents")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

set(failures "")
foreach(header IN LISTS headers)
  get_filename_component(stem ${header} NAME_WE)
  set(source ${WORK_DIR}/${stem}.cc)
  file(WRITE ${source} "#include \"${header}\"\n")
  # -MD lists every file the header reached, system ones included.
  execute_process(
    COMMAND ${CXX} -std=c++17 -Wall -Wextra -Werror -I${PREFIX}/include
            -MD -MF ${WORK_DIR}/${stem}.d -c ${source} -o ${WORK_DIR}/${stem}.o
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    string(APPEND failures "\n${header} does not compile alone:\n${out}")
    continue()
  endif()
  file(READ ${WORK_DIR}/${stem}.d deps)
  string(REGEX MATCHALL "[^ \\\n]*(/absl/|/re2/|/unicode/|utf8proc)[^ \\\n]*"
    third_party "${deps}")
  if(third_party)
    list(JOIN third_party "\n  " third_party)
    string(APPEND failures "\n${header} includes third-party headers:\n  ${third_party}\n")
  endif()
endforeach()

if(failures)
  message(FATAL_ERROR "${failures}")
endif()
list(JOIN headers " " headers)
message(STATUS "each compiles alone with -I${PREFIX}/include: ${headers}")
