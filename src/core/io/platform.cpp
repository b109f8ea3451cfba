#include "platform.h"

#include <cstdlib>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>
#include <shlobj.h>
#include <sys/stat.h>
#include <sys/types.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace fs = std::filesystem;

namespace ys::platform {

#ifdef _WIN32
namespace {

// Invalid UTF-8 becomes U+FFFD: a name that cannot be spelled is then simply not found.
std::wstring wide(const std::string& s) {
    if (s.empty()) return {};
    const int n = ::MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n > 0 ? n : 0), L'\0');
    if (n > 0) ::MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
}

std::string narrow(const wchar_t* w, std::size_t len) {
    if (len == 0) return {};
    const int n = ::WideCharToMultiByte(CP_UTF8, 0, w, static_cast<int>(len), nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<std::size_t>(n > 0 ? n : 0), '\0');
    if (n > 0) ::WideCharToMultiByte(CP_UTF8, 0, w, static_cast<int>(len), s.data(), n, nullptr, nullptr);
    return s;
}

std::string narrow(const std::wstring& w) { return narrow(w.data(), w.size()); }

// %APPDATA%\Yardstick: the roaming profile, private to the user (no chmod needed).
std::string app_data_dir() {
    std::string base = environment("APPDATA");
    if (base.empty()) {
        wchar_t buf[MAX_PATH];
        if (SUCCEEDED(::SHGetFolderPathW(nullptr, CSIDL_APPDATA, nullptr, 0, buf))) base = narrow(buf, wcslen(buf));
    }
    if (base.empty()) return {};
    return utf8_from_path(path_from_utf8(base) / "Yardstick");
}

}  // namespace

fs::path path_from_utf8(const std::string& utf8) { return fs::path(wide(utf8)); }

std::string utf8_from_path(const fs::path& p) { return narrow(p.native()); }

std::FILE* open_file(const std::string& utf8_path, const char* mode) {
    return ::_wfopen(wide(utf8_path).c_str(), wide(mode).c_str());
}

std::string c_library_path(const std::string& utf8_path) {
    auto ansi = [](const std::wstring& w, std::string& out) {
        if (w.empty()) return false;
        BOOL lossy = FALSE;
        const int n = ::WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, w.data(), static_cast<int>(w.size()), nullptr,
                                            0, nullptr, &lossy);
        if (n <= 0 || lossy) return false;
        out.assign(static_cast<std::size_t>(n), '\0');
        ::WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, w.data(), static_cast<int>(w.size()), out.data(), n, nullptr,
                              nullptr);
        return true;
    };
    const std::wstring full = wide(utf8_path);
    std::string out;
    if (ansi(full, out)) return out;
    // The short name exists only for a file or folder that exists: for a file still to be
    // made, shorten its folder and add the name (which must then be plain itself).
    const fs::path p(full);
    for (const fs::path& part : {p, p.parent_path()}) {
        const DWORD n = ::GetShortPathNameW(part.c_str(), nullptr, 0);
        if (n == 0) continue;
        std::wstring shortened(n, L'\0');
        const DWORD got = ::GetShortPathNameW(part.c_str(), shortened.data(), n);
        if (got == 0 || got >= n) continue;
        shortened.resize(got);
        if (part != p) shortened = (fs::path(shortened) / p.filename()).native();
        if (ansi(shortened, out)) return out;
    }
    return {};
}

bool open_file_info(std::FILE* f, OpenFileInfo& out) {
    struct _stat64 st {};
    if (::_fstat64(::_fileno(f), &st) != 0) return false;
    out.directory = (st.st_mode & _S_IFMT) == _S_IFDIR;
    out.regular = (st.st_mode & _S_IFMT) == _S_IFREG;
    out.size = out.regular ? static_cast<std::uint64_t>(st.st_size) : 0;
    return true;
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
    int n = 0;
    wchar_t** w = ::CommandLineToArgvW(::GetCommandLineW(), &n);
    std::vector<std::string> args;
    if (w && n == argc) {
        for (int i = 1; i < n; ++i) args.push_back(narrow(w[i], wcslen(w[i])));
    } else {
        // Not the command line this program was started with (never expected): argv as given.
        for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    }
    if (w) ::LocalFree(w);
    return args;
}

void use_utf8_console() {
    ::SetConsoleOutputCP(CP_UTF8);
    ::SetConsoleCP(CP_UTF8);
}

void use_binary_standard_output() {
    std::fflush(stdout);
    std::fflush(stderr);
    ::_setmode(::_fileno(stdout), _O_BINARY);
    ::_setmode(::_fileno(stderr), _O_BINARY);
}

std::string executable_path() {
    std::wstring buf(MAX_PATH, L'\0');
    for (;;) {
        DWORD n = ::GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
        if (n == 0) return {};
        if (n < buf.size()) return narrow(buf.data(), n);
        if (buf.size() >= 32768) return {};  // the longest path Windows has
        buf.resize(buf.size() * 2);
    }
}

std::string user_data_dir() { return app_data_dir(); }

std::string user_config_dir() { return app_data_dir(); }

std::string environment(const char* name) {
    const wchar_t* v = ::_wgetenv(wide(name).c_str());
    return v ? narrow(v, wcslen(v)) : std::string();
}

long process_id() { return static_cast<long>(::GetCurrentProcessId()); }

#else  // POSIX

namespace {

// $XDG_<kind>_HOME/yardstick, else ~/<fallback>/yardstick.
std::string xdg_dir(const char* variable, const char* fallback) {
    std::string base = environment(variable);
    if (!base.empty()) return utf8_from_path(path_from_utf8(base) / "yardstick");
    std::string home = environment("HOME");
    if (!home.empty()) return utf8_from_path(path_from_utf8(home) / fallback / "yardstick");
    return {};
}

}  // namespace

fs::path path_from_utf8(const std::string& utf8) { return fs::u8path(utf8); }

std::string utf8_from_path(const fs::path& p) { return p.u8string(); }

std::FILE* open_file(const std::string& utf8_path, const char* mode) { return std::fopen(utf8_path.c_str(), mode); }

std::string c_library_path(const std::string& utf8_path) { return utf8_path; }

bool open_file_info(std::FILE* f, OpenFileInfo& out) {
    struct stat st {};
    if (::fstat(::fileno(f), &st) != 0) return false;
    out.directory = S_ISDIR(st.st_mode);
    out.regular = S_ISREG(st.st_mode);
    out.size = out.regular ? static_cast<std::uint64_t>(st.st_size) : 0;
    return true;
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return args;
}

void use_utf8_console() {}

void use_binary_standard_output() {}

std::string executable_path() {
    std::error_code ec;
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.u8string();
}

std::string user_data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share"); }

std::string user_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }

std::string environment(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

long process_id() { return static_cast<long>(::getpid()); }

#endif

std::string executable_dir() {
    const std::string exe = executable_path();
    if (exe.empty()) return {};
    return utf8_from_path(path_from_utf8(exe).parent_path());
}

}  // namespace ys::platform
