#pragma once
// What tests need from the system, spelled the same on Linux and Windows (MinGW): a
// process id for scratch names no other run shares, and setting environment variables.
#include <cstdlib>
#include <optional>
#include <string>

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/wait.h>
#endif

#include "io/platform.h"

namespace ys::test {

// The exit code of a command run by std::system: POSIX returns a wait status, Windows the
// code itself.
inline int system_exit_code(int raw) {
#ifdef _WIN32
    return raw;
#else
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
#endif
}

// This process's id as text, for scratch folders and files.
inline std::string pid_text() { return std::to_string(ys::platform::process_id()); }

#ifdef _WIN32
inline std::wstring wide_text(const std::string& utf8) {
    if (utf8.empty()) return {};
    const int n = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), w.data(), n);
    return w;
}
#endif

// Sets (UTF-8) or, with unset_env, removes an environment variable of this process.
inline void set_env(const char* name, const std::string& value) {
#ifdef _WIN32
    ::_wputenv_s(wide_text(name).c_str(), wide_text(value).c_str());
#else
    ::setenv(name, value.c_str(), 1);
#endif
}

inline void unset_env(const char* name) {
#ifdef _WIN32
    ::_wputenv_s(wide_text(name).c_str(), L"");  // an empty value removes it
#else
    ::unsetenv(name);
#endif
}

// Sets a variable for one scope and puts back what was there.
class ScopedEnv {
public:
    // std::nullopt: the variable removed for the scope.
    ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
        const std::string old = ys::platform::environment(name);
        had_ = !old.empty();
        old_ = old;
        if (value) set_env(name, *value);
        else unset_env(name);
    }
    ~ScopedEnv() {
        if (had_) set_env(name_, old_);
        else unset_env(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    bool had_ = false;
    std::string old_;
};

}  // namespace ys::test
