# Builds a tiny program against the installed newsevents tree, runs it on one
# sentence and checks the event it prints: the proof that someone who has only
# the output of `cmake --install` can use the library (issue 2, requirement 4).
#
#   cmake -DMETHOD=find_package|pkg_config -DPREFIX=<install prefix>
#         -DLIBDIR=<CMAKE_INSTALL_LIBDIR> -DSOURCE_DIR=<tests/consumer>
#         -DWORK_DIR=<scratch dir> -DCXX=<compiler> -DGENERATOR=<generator>
#         -DPKG_CONFIG=<pkg-config> -DSTATIC=<ON|OFF> [-DCXX_FLAGS=<flags>]
#         -P run_consumer.cmake
#
# CXX_FLAGS: extra compiler flags, the sanitizers of a sanitized build (a
# program using an ASan library must be built with ASan too).
cmake_minimum_required(VERSION 3.18)

set(sentence "Dell shares slipped 2.9% to $118.25.")

# Runs one step and stops with its command line and whole output when it
# fails, so the CTest log says which step broke and why.
function(run_step name)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc
    OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR
      "${METHOD} consumer: ${name} failed (${rc})\n$ ${command}\n${out}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

# A fresh scratch dir each time: a cached configure must not hide a broken
# package.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

if(METHOD STREQUAL "find_package")
  run_step(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR}/find_package
    -B ${WORK_DIR} -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${PREFIX}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
  # The package must come from the tree just installed, not from elsewhere on
  # the machine.
  file(STRINGS ${WORK_DIR}/CMakeCache.txt found_dir REGEX "^newsevents_DIR:")
  if(NOT found_dir MATCHES "=${PREFIX}/")
    message(FATAL_ERROR "find_package found ${found_dir}, not the one in ${PREFIX}")
  endif()
  run_step(build ${CMAKE_COMMAND} --build ${WORK_DIR})
  # CMake gives the program an RPATH to the installed library.
  set(program ${WORK_DIR}/consumer)
elseif(METHOD STREQUAL "pkg_config")
  set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig:$ENV{PKG_CONFIG_PATH}")
  # A static libnewsevents needs its private dependencies on the link line.
  if(STATIC)
    set(static_flag --static)
  endif()
  run_step(pkg-config ${PKG_CONFIG} ${static_flag} --cflags --libs newsevents)
  separate_arguments(flags UNIX_COMMAND "${step_output}")
  set(program ${WORK_DIR}/consumer)
  separate_arguments(extra_flags UNIX_COMMAND "${CXX_FLAGS}")
  run_step(compile ${CXX} -std=c++17 -Wall -Wextra -Werror ${extra_flags}
    ${SOURCE_DIR}/pkg_config/main.cc -o ${program} ${flags})
  # pkg-config gives no RPATH: the loader must be told where the library is.
  set(ENV{LD_LIBRARY_PATH} "${PREFIX}/${LIBDIR}:$ENV{LD_LIBRARY_PATH}")
else()
  message(FATAL_ERROR "METHOD must be find_package or pkg_config, not '${METHOD}'")
endif()

run_step(run ${program} ${sentence})

# The event of shared/spec/events.md for this sentence, checked field by field
# so that a failure names what is missing. Spaces in the JSON are allowed.
set(output "${step_output}")
string(REGEX MATCH "[^\n]*\"type\": *\"share_move\"[^\n]*" event "${output}")
if(NOT event)
  message(FATAL_ERROR "${METHOD} consumer printed no share_move event:\n${output}")
endif()
foreach(expected
    "\"company\": *{[^}]*\"text\": *\"Dell\""
    "\"direction\": *{[^}]*\"norm\": *\"down\""
    "\"change\": *{[^}]*\"value\": *2\\.9[^0-9]"
    "\"price\": *{[^}]*\"amount\": *118\\.25[^0-9]")
  if(NOT event MATCHES "${expected}")
    message(FATAL_ERROR
      "${METHOD} consumer: the share_move event does not match /${expected}/:\n${event}")
  endif()
endforeach()
message(STATUS "${METHOD} consumer printed the expected event:\n${event}")
