#include "file_patterns.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace ys {

bool has_wildcards(const std::string& arg) { return arg.find_first_of("*?") != std::string::npos; }

bool wildcard_match(const std::string& pattern, const std::string& name) {
    // Iterative, with one backtrack point per '*': linear in practice, never exponential.
    std::size_t p = 0, n = 0, star = std::string::npos, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (star != std::string::npos) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool expand_file_pattern(const std::string& arg, std::vector<std::string>& out, std::string& error) {
    std::error_code ec;
    if (!has_wildcards(arg) || fs::exists(fs::u8path(arg), ec)) {
        out.push_back(arg);
        return true;
    }
    const fs::path pattern = fs::u8path(arg);
    const fs::path folder = pattern.parent_path();
    const std::string name = pattern.filename().u8string();
    if (has_wildcards(folder.u8string())) {
        error = arg + ": a wildcard (* or ?) may only be in the file's name, not in a folder's; name the folder";
        return false;
    }
    const fs::path dir = folder.empty() ? fs::path(".") : folder;
    std::vector<std::string> found;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        error = arg + ": cannot read the folder " + dir.u8string() + " (" + ec.message() + ")";
        return false;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        const std::string file = it->path().filename().u8string();
        if (file.empty() || (file[0] == '.' && name[0] != '.')) continue;
        std::error_code kind;
        if (!fs::is_regular_file(it->path(), kind) || !wildcard_match(name, file)) continue;
        found.push_back(folder.empty() ? file : (folder / fs::u8path(file)).u8string());
    }
    if (found.empty()) {
        error = arg + ": no file matches this pattern; check the folder and the name (* is any run of characters, "
                      "? one character)";
        return false;
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
    return true;
}

}  // namespace ys
