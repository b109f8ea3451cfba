#pragma once
// What differs between Linux and Windows, in one place. Everywhere else in Yardstick a
// path is a UTF-8 std::string; only these functions turn one into what the system takes.
// On Windows a narrow string means the ANSI code page to the C library and to
// std::filesystem::path, so a file named "Réponses.json" would not be found: here paths
// go through the wide (UTF-16) APIs instead. On Linux file names are bytes, used as UTF-8.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace ys::platform {

// A UTF-8 string as a path (fs::u8path), and a path back as UTF-8 (u8string): never
// fs::path(std::string) or path.string(), which take the ANSI code page on Windows.
std::filesystem::path path_from_utf8(const std::string& utf8);
std::string utf8_from_path(const std::filesystem::path& p);

// std::fopen of a UTF-8 path (_wfopen on Windows): the one fopen of a user's file.
// errno is set as fopen sets it.
std::FILE* open_file(const std::string& utf8_path, const char* mode);

// A path as a C library's own fopen takes it (libharu's fonts, libxlsxwriter's output):
// on Windows the ANSI code page, so a name outside it (a user name in Polish or Greek) is
// spelled by its short 8.3 name when the volume keeps those. Empty when it cannot be
// spelled at all. Linux: the path unchanged.
std::string c_library_path(const std::string& utf8_path);

// What an open file is, from its handle (fstat): so a check and the read see one file.
struct OpenFileInfo {
    bool directory = false;
    bool regular = false;
    std::uint64_t size = 0;  // for a regular file
};
bool open_file_info(std::FILE* f, OpenFileInfo& out);

// The command line as UTF-8 strings, without the program's name. On Windows argv holds
// the ANSI code page, so the wide command line is read instead.
std::vector<std::string> utf8_arguments(int argc, char** argv);

// The console shows what we print as UTF-8 (Windows); nothing to do on Linux.
void use_utf8_console();

// stdout and stderr carry our bytes unchanged (Windows: binary mode, so a CSV already
// ending its lines in CRLF does not get CR CR LF, and output is the same as on Linux; the
// console still starts a new line at LF). Nothing to do on Linux.
void use_binary_standard_output();

// The running program's full path, UTF-8; empty when the system cannot say.
std::string executable_path();
// The folder of the running program ("" when unknown).
std::string executable_dir();

// Where a user's own data (the database, their frameworks) and settings live:
// Windows: %APPDATA%\Yardstick for both.
// Linux: $XDG_DATA_HOME/yardstick or ~/.local/share/yardstick, and
//        $XDG_CONFIG_HOME/yardstick or ~/.config/yardstick.
// Empty when neither the variable nor a home folder is known.
std::string user_data_dir();
std::string user_config_dir();

// A UTF-8 environment variable's value; empty when unset.
std::string environment(const char* name);

long process_id();

}  // namespace ys::platform
