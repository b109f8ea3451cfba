// Catch2 v2's main for the Windows build (Debian's libCatch2WithMain.a is built for Linux).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
