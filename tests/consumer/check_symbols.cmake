# Checks the ABI surface of the installed shared library: no symbol of a
# privately linked library (Abseil, RE2, ICU, utf8proc) is exported, the
# public API is, and the SONAME carries the major version (issue 2).
#
#   cmake -DLIBRARY=<installed libnewsevents.so> -DSONAME=libnewsevents.so.<major>
#         -DNM=<nm> -DREADELF=<readelf> -P check_symbols.cmake
cmake_minimum_required(VERSION 3.18)

if(NOT EXISTS ${LIBRARY})
  message(FATAL_ERROR "no installed library at ${LIBRARY}")
endif()

# nm -C demangles like `| c++filt` does.
execute_process(COMMAND ${NM} -D -C --defined-only ${LIBRARY}
  RESULT_VARIABLE rc OUTPUT_VARIABLE symbols ERROR_VARIABLE error)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}:\n${error}")
endif()
# A sanity check that the list is the real one: the entry point is exported.
if(NOT symbols MATCHES "newsevents::v1::Extractor::Create")
  message(FATAL_ERROR "newsevents::v1::Extractor::Create is not exported:\n${symbols}")
endif()
# "icu" alone would match innocent names: ICU's C++ symbols are icu_NN::/icu::.
string(REGEX MATCHALL "[^\n]*(absl::|re2::|icu_|icu::|utf8proc)[^\n]*"
  leaked "${symbols}")
if(leaked)
  list(LENGTH leaked count)
  list(JOIN leaked "\n" leaked)
  message(FATAL_ERROR
    "${LIBRARY} exports ${count} symbols of private dependencies:\n${leaked}")
endif()

execute_process(COMMAND ${READELF} -d ${LIBRARY}
  RESULT_VARIABLE rc OUTPUT_VARIABLE dynamic ERROR_VARIABLE error)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${READELF} failed on ${LIBRARY}:\n${error}")
endif()
string(REGEX MATCH "\\(SONAME\\)[^[\n]*\\[([^]\n]*)\\]" soname_line "${dynamic}")
if(NOT "${CMAKE_MATCH_1}" STREQUAL "${SONAME}")
  message(FATAL_ERROR "SONAME of ${LIBRARY} is '${CMAKE_MATCH_1}', not ${SONAME}")
endif()
message(STATUS "${LIBRARY}: SONAME ${SONAME}, no private dependency symbol exported")
