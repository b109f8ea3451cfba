# CMake toolchain file: Windows x86_64 with Debian's MinGW-w64 (posix threads, for std::thread).
# YARDSTICK_WINDOWS_PREFIX is where scripts/windows/deps.sh installed the static dependencies
# (default: ${YARDSTICK_CACHE:-$HOME/.cache/yardstick}/windows/current/prefix).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(YS_MINGW x86_64-w64-mingw32)
set(CMAKE_C_COMPILER   ${YS_MINGW}-gcc-posix)
set(CMAKE_CXX_COMPILER ${YS_MINGW}-g++-posix)
set(CMAKE_RC_COMPILER  ${YS_MINGW}-windres)
set(CMAKE_AR           /usr/bin/${YS_MINGW}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB       /usr/bin/${YS_MINGW}-ranlib CACHE FILEPATH "")

if(NOT DEFINED YARDSTICK_WINDOWS_PREFIX)
  if(DEFINED ENV{YARDSTICK_WINDOWS_PREFIX})
    set(YARDSTICK_WINDOWS_PREFIX "$ENV{YARDSTICK_WINDOWS_PREFIX}")
  elseif(DEFINED ENV{YARDSTICK_CACHE})
    set(YARDSTICK_WINDOWS_PREFIX "$ENV{YARDSTICK_CACHE}/windows/current/prefix")
  else()
    set(YARDSTICK_WINDOWS_PREFIX "$ENV{HOME}/.cache/yardstick/windows/current/prefix")
  endif()
endif()
set(YARDSTICK_WINDOWS_PREFIX "${YARDSTICK_WINDOWS_PREFIX}" CACHE PATH "Static Windows dependencies (scripts/windows/deps.sh)")
# try_compile projects see the same prefix
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES YARDSTICK_WINDOWS_PREFIX)

# Look for Windows libraries and headers only in the MinGW root and our prefix, never in /usr.
set(CMAKE_FIND_ROOT_PATH /usr/${YS_MINGW} ${YARDSTICK_WINDOWS_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Static archives only (libz.a, never the libz.dll.a import library).
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
# Tests run under Wine.
set(CMAKE_CROSSCOMPILING_EMULATOR wine)
