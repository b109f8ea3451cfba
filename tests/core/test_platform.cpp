// The platform layer (io/platform.h): UTF-8 paths with letters outside ASCII reach the
// file system and come back unchanged, files with such names open, are read and written
// by the core, and the data folders follow the environment. Runs on Linux and, as a
// Windows program, under Wine, where the same names go through the wide APIs.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/portable_test.h"
#include "atomic_file.h"
#include "catalogue.h"
#include "io/platform.h"
#include "json_read.h"

namespace fs = std::filesystem;
using namespace ys;
using ys::platform::path_from_utf8;
using ys::platform::utf8_from_path;

namespace {

// Welsh, Polish, Greek and Japanese letters, an en dash and a space: none of them in
// Windows-1252 all at once, so an ANSI path could not spell this name.
const std::string kName = "Ymatebion \xC5\xB5 \xC5\x82\xC3\xB3" "d\xC5\xBA \xCE\xB1\xCE\xB2 \xE6\x97\xA5\xE6\x9C\xAC \xE2\x80\x93 2026";

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("ys-platform-" + ys::test::pid_text());
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string utf8(const std::string& name) const { return utf8_from_path(path / path_from_utf8(name)); }
};

std::string read_all(std::FILE* f) {
    std::string s;
    char buf[256];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    return s;
}

// Writes text through the platform's one fopen (binary: the bytes exactly as given).
void write_through_open_file(const std::string& file, const char* text) {
    std::FILE* f = ys::platform::open_file(file, "wb");
    REQUIRE(f != nullptr);
    std::fputs(text, f);
    std::fclose(f);
}

}  // namespace

TEST_CASE("platform: a UTF-8 path comes back from the file system as the same UTF-8", "[platform]") {
    CHECK(utf8_from_path(path_from_utf8(kName)) == kName);
    CHECK(utf8_from_path(path_from_utf8(kName + ".json").stem()) == kName);
    CHECK(utf8_from_path(path_from_utf8("a/" + kName + ".json").filename()) == kName + ".json");

    TempDir dir;
    const std::string file = dir.utf8(kName + ".json");
    write_through_open_file(file, "{}");
    // The folder lists it under the name it was given, and it is found by that name.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path)) names.push_back(utf8_from_path(e.path().filename()));
    CHECK(names == std::vector<std::string>{kName + ".json"});
    CHECK(fs::is_regular_file(path_from_utf8(file)));
}

TEST_CASE("platform: open_file reads and writes a file with a non-ASCII name, errno when missing", "[platform]") {
    TempDir dir;
    const std::string file = dir.utf8(kName + ".txt");
    write_through_open_file(file, "caf\xC3\xA9\r\n");
    std::FILE* r = platform::open_file(file, "rb");
    REQUIRE(r != nullptr);
    platform::OpenFileInfo info;
    REQUIRE(platform::open_file_info(r, info));
    CHECK(info.regular);
    CHECK_FALSE(info.directory);
    CHECK(info.size == 7);
    CHECK(read_all(r) == "caf\xC3\xA9\r\n");  // binary: the CR stays
    std::fclose(r);

    errno = 0;
    CHECK(platform::open_file(dir.utf8("missing " + kName), "rb") == nullptr);
    CHECK(errno == ENOENT);
}

TEST_CASE("platform: the core reads and writes files whose names are not ASCII", "[platform]") {
    TempDir dir;
    const std::string file = dir.utf8(kName + ".json");
    std::string error;
    REQUIRE(write_file_atomic(file, "{\"name\": \"" + kName + "\"}\n", error));
    CHECK(error.empty());
    Diagnostics d(file);
    auto json = read_json_file(file, d);
    REQUIRE(json);
    CHECK((*json)["name"] == kName);
    // Replaced in place: one file, no temporary left beside it.
    REQUIRE(write_file_atomic(file, "{}", error));
    std::size_t entries = 0;
    for (auto it = fs::directory_iterator(dir.path); it != fs::directory_iterator(); ++it) ++entries;
    CHECK(entries == 1);

    Diagnostics missing(dir.utf8("gone " + kName + ".json"));
    CHECK_FALSE(read_json_file(dir.utf8("gone " + kName + ".json"), missing));
    REQUIRE(missing.items().size() == 1);
    CHECK(missing.items()[0].message == "no such file; check the name and the folder");

    Diagnostics folder(utf8_from_path(dir.path));
    CHECK_FALSE(read_json_file(utf8_from_path(dir.path), folder));
    REQUIRE(folder.items().size() == 1);
    CHECK(folder.items()[0].message == "this is a folder; expected a file");
}

TEST_CASE("platform: the user's data and settings folders follow the environment", "[platform]") {
    using ys::test::ScopedEnv;
#ifdef _WIN32
    ScopedEnv appdata("APPDATA", "C:\\Users\\" + kName + "\\AppData\\Roaming");
    CHECK(platform::user_data_dir() == "C:\\Users\\" + kName + "\\AppData\\Roaming\\Yardstick");
    CHECK(platform::user_config_dir() == platform::user_data_dir());
    ScopedEnv no_shipped("YARDSTICK_DATA_DIR", std::nullopt);
    CHECK(default_data_dirs("", "source").user == platform::user_data_dir());
#else
    {
        ScopedEnv data("XDG_DATA_HOME", "/data/" + kName);
        ScopedEnv config("XDG_CONFIG_HOME", "/config/" + kName);
        CHECK(platform::user_data_dir() == "/data/" + kName + "/yardstick");
        CHECK(platform::user_config_dir() == "/config/" + kName + "/yardstick");
        ScopedEnv no_shipped("YARDSTICK_DATA_DIR", std::nullopt);
        CHECK(default_data_dirs("", "source").user == "/data/" + kName + "/yardstick");
    }
    {
        ScopedEnv data("XDG_DATA_HOME", std::nullopt);
        ScopedEnv config("XDG_CONFIG_HOME", std::string());  // set but empty: as unset
        ScopedEnv home("HOME", "/home/" + kName);
        CHECK(platform::user_data_dir() == "/home/" + kName + "/.local/share/yardstick");
        CHECK(platform::user_config_dir() == "/home/" + kName + "/.config/yardstick");
        ScopedEnv no_home("HOME", std::nullopt);
        CHECK(platform::user_data_dir().empty());
    }
#endif
    ScopedEnv shipped("YARDSTICK_DATA_DIR", "/opt/" + kName);
    CHECK(default_data_dirs("", "source").shipped == "/opt/" + kName);
    CHECK(platform::environment("YARDSTICK_DATA_DIR") == "/opt/" + kName);
}

TEST_CASE("platform: shipped data is found beside the executable, else the source tree", "[platform]") {
    ys::test::ScopedEnv no_shipped("YARDSTICK_DATA_DIR", std::nullopt);
    TempDir dir;
    const fs::path top = dir.path / path_from_utf8(kName);
#ifdef _WIN32
    // Installed or unzipped: frameworks\ beside yardstick-cli.exe.
    const fs::path exe = top / "yardstick-cli.exe";
    const fs::path data = top;
#else
    // Installed: <prefix>/bin/yardstick-cli and <prefix>/share/yardstick/frameworks.
    const fs::path exe = top / "bin" / "yardstick-cli";
    const fs::path data = top / "share" / "yardstick";
#endif
    CHECK(default_data_dirs(utf8_from_path(exe), "source").shipped == "source");
    fs::create_directories(data / "frameworks");
    fs::create_directories(exe.parent_path());
    CHECK(default_data_dirs(utf8_from_path(exe), "source").shipped == utf8_from_path(fs::weakly_canonical(data)));
}

TEST_CASE("platform: this program's path, id and arguments", "[platform]") {
    const std::string exe = platform::executable_path();
    REQUIRE_FALSE(exe.empty());
    CHECK(fs::is_regular_file(path_from_utf8(exe)));
    CHECK(platform::executable_dir() == utf8_from_path(path_from_utf8(exe).parent_path()));
    CHECK(platform::process_id() > 0);
#ifndef _WIN32
    // Linux: argv as given, without the program's name (Windows reads its own command line).
    char a0[] = "yardstick-cli", a1[] = "score", a2[] = "R\xC3\xA9ponses.json";
    char* argv[] = {a0, a1, a2, nullptr};
    CHECK(platform::utf8_arguments(3, argv) == std::vector<std::string>{"score", "R\xC3\xA9ponses.json"});
    CHECK(platform::c_library_path("/tmp/" + kName) == "/tmp/" + kName);
#else
    CHECK(platform::c_library_path("C:\\plain\\name.ttf") == "C:\\plain\\name.ttf");
#endif
}

TEST_CASE("platform: a JSON file as Windows editors save it (byte order mark, CRLF) reads as without", "[platform]") {
    TempDir dir;
    const std::string file = dir.utf8(kName + ".json");
    write_through_open_file(file, "\xEF\xBB\xBF{\r\n  \"title\": \"Caf\xC3\xA9\",\r\n  \"n\": 1.5\r\n}\r\n");
    Diagnostics d(file);
    auto json = read_json_file(file, d);
    INFO((d.items().empty() ? std::string() : to_string(d.items()[0])));
    REQUIRE(json);
    CHECK((*json)["title"] == "Caf\xC3\xA9");
    CHECK((*json)["n"] == 1.5);

    // An error is placed by line, counting CRLF as one line end.
    write_through_open_file(file, "\xEF\xBB\xBF{\r\n  \"title\": \"x\",\r\n  \"n\": ,\r\n}\r\n");
    Diagnostics bad(file);
    CHECK_FALSE(read_json_file(file, bad));
    REQUIRE(bad.items().size() == 1);
    CHECK(bad.items()[0].where.rfind("3:", 0) == 0);
}
