# The Windows build: cross-compiled with MinGW-w64 (scripts/windows/mingw-w64-x86_64.cmake) against
# the static dependencies scripts/windows/deps.sh built into YARDSTICK_WINDOWS_PREFIX. Included from
# the top-level CMakeLists.txt when WIN32; scripts/build-windows.sh drives it.
if(NOT MINGW)
  message(FATAL_ERROR "The Windows build is cross-compiled with MinGW-w64: run scripts/build-windows.sh")
endif()
if(NOT YARDSTICK_WINDOWS_PREFIX OR NOT EXISTS "${YARDSTICK_WINDOWS_PREFIX}/include/sqlite3.h")
  message(FATAL_ERROR "No Windows dependencies in '${YARDSTICK_WINDOWS_PREFIX}': run scripts/windows/deps.sh "
                      "(or scripts/build-windows.sh), or pass -DYARDSTICK_WINDOWS_PREFIX=DIR")
endif()
set(YS_MINGW_ROOT /usr/x86_64-w64-mingw32)

# The prefix is this build's /usr/include: headers such as hpdf.h are reached through the
# libraries' own headers (tests include pdf_canvas.h) as they are on Linux.
include_directories(SYSTEM ${YARDSTICK_WINDOWS_PREFIX}/include)

# windows.h without its min and max macros, which break std::min and std::max.
add_compile_definitions(NOMINMAX)

# One self-contained executable each: no libstdc++, libgcc or winpthread DLLs beside it.
add_link_options(-static -static-libgcc -static-libstdc++)

# Header-only libraries from the build host (Debian's nlohmann-json3-dev and catch2), seen through
# a folder holding only their links: -I/usr/include would mix Linux headers into the build.
set(YARDSTICK_HOST_INCLUDE /usr/include CACHE PATH "Where the host's nlohmann/ and catch2/ headers are")
set(YS_HEADER_LINKS ${CMAKE_BINARY_DIR}/windows-header-links)
file(MAKE_DIRECTORY ${YS_HEADER_LINKS})
foreach(_dir nlohmann catch2)
  if(NOT EXISTS ${YARDSTICK_HOST_INCLUDE}/${_dir})
    message(FATAL_ERROR "${YARDSTICK_HOST_INCLUDE}/${_dir} is missing: apt-get install nlohmann-json3-dev catch2")
  endif()
  file(CREATE_LINK ${YARDSTICK_HOST_INCLUDE}/${_dir} ${YS_HEADER_LINKS}/${_dir} SYMBOLIC)
endforeach()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${YS_HEADER_LINKS})

# Catch2 v2: Debian's Catch2WithMain is a Linux archive, so build the main here; and register one
# test per executable, since each Wine process start costs about a second.
add_library(ys_catch2_main STATIC EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/catch2_main.cpp)
target_include_directories(ys_catch2_main SYSTEM PUBLIC ${YS_HEADER_LINKS})
add_library(Catch2::Catch2WithMain ALIAS ys_catch2_main)
function(catch_discover_tests target)
  add_test(NAME ${target} COMMAND ${target})
  set_tests_properties(${target} PROPERTIES TIMEOUT 1200 LABELS windows)
endfunction()

# libharu's static archive needs libpng and zlib after it; find_library would take no notice.
set(HPDF_INCLUDE_DIR ${YARDSTICK_WINDOWS_PREFIX}/include CACHE PATH "")
set(HPDF_LIBRARY ${YARDSTICK_WINDOWS_PREFIX}/lib/libhpdfs.a ${YARDSTICK_WINDOWS_PREFIX}/lib/libpng16.a
                 ${YS_MINGW_ROOT}/lib/libz.a CACHE STRING "")
# zlib: the static archive, never the DLL's import library.
set(ZLIB_LIBRARY ${YS_MINGW_ROOT}/lib/libz.a CACHE FILEPATH "")
set(ZLIB_INCLUDE_DIR ${YS_MINGW_ROOT}/include CACHE PATH "")
set(SQLite3_LIBRARY ${YARDSTICK_WINDOWS_PREFIX}/lib/libsqlite3.a CACHE FILEPATH "")
set(SQLite3_INCLUDE_DIR ${YARDSTICK_WINDOWS_PREFIX}/include CACHE PATH "")
set(XLSXWRITER_LIBRARY ${YARDSTICK_WINDOWS_PREFIX}/lib/libxlsxwriter.a CACHE FILEPATH "")
set(XLSXWRITER_INCLUDE_DIR ${YARDSTICK_WINDOWS_PREFIX}/include CACHE PATH "")

# wxMSW, static, through the prefix's wx-config (FindwxWidgets reads it in its "unix" style).
set(wxWidgets_CONFIG_EXECUTABLE ${YARDSTICK_WINDOWS_PREFIX}/bin/wx-config CACHE FILEPATH "")
set(wxWidgets_USE_STATIC ON)
set(wxWidgets_USE_UNICODE ON)
set(wxWidgets_USE_DEBUG OFF)

# Icon, version and manifest (UTF-8 code page, per-monitor DPI awareness, common controls 6):
# yardstick_windows_resources(TARGET GUI|CLI) compiles packaging/windows/yardstick.rc for one
# executable, in an object library of its own so the target's string definitions stay out of windres.
enable_language(RC)
set(YS_RC_DIR ${PROJECT_SOURCE_DIR}/packaging/windows)
configure_file(${YS_RC_DIR}/version.rc.h.in ${CMAKE_BINARY_DIR}/windows-rc/version.rc.h @ONLY)
function(yardstick_windows_resources target kind)
  add_library(${target}_resources OBJECT ${YS_RC_DIR}/yardstick.rc)
  target_include_directories(${target}_resources PRIVATE ${CMAKE_BINARY_DIR}/windows-rc ${YS_RC_DIR}
                                                         ${PROJECT_SOURCE_DIR}/packaging/icons)
  target_compile_definitions(${target}_resources PRIVATE YS_RC_${kind}=1)
  if(kind STREQUAL "GUI")
    set_target_properties(${target} PROPERTIES WIN32_EXECUTABLE ON)
    # wx's own resources (cursors, bitmaps); its manifest is replaced by ours.
    execute_process(COMMAND sh ${wxWidgets_CONFIG_EXECUTABLE} --prefix=${YARDSTICK_WINDOWS_PREFIX} --rescomp
                    OUTPUT_VARIABLE _rescomp OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(REGEX MATCHALL "--include-dir[ =][^ ]+" _incs "${_rescomp}")
    list(TRANSFORM _incs REPLACE "--include-dir[ =]" "")
    target_include_directories(${target}_resources PRIVATE ${_incs})
    target_compile_definitions(${target}_resources PRIVATE wxUSE_NO_MANIFEST=1)
  endif()
  set_source_files_properties(${YS_RC_DIR}/yardstick.rc PROPERTIES
    OBJECT_DEPENDS "${YS_RC_DIR}/yardstick.manifest;${PROJECT_SOURCE_DIR}/packaging/icons/yardstick.ico;${CMAKE_BINARY_DIR}/windows-rc/version.rc.h")
  target_link_libraries(${target} PRIVATE ${target}_resources)
endfunction()
