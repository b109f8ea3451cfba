#include "json_read.h"

#include <algorithm>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <memory>
#include <unordered_set>
#include <vector>

#include "io/platform.h"
#include "number_format.h"

namespace ys {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Thrown from the parser callback (plain C++, not a C callback) to stop parsing.
struct StructureError {
    std::string pointer;
    std::string message;
};

// A cap crossed: reported by line and column as well as by pointer.
struct CapError {
    std::string pointer;
    std::string message;
};

// Walks the text as nlohmann's lexer reads it, leaving where it is in `*at`, so an error
// raised from the parser callback can say which line it was found on.
struct TrackedChars {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char** at = nullptr;

    reference operator*() const { return *p; }
    TrackedChars& operator++() {
        *at = ++p;
        return *this;
    }
    TrackedChars operator++(int) {
        TrackedChars old = *this;
        ++*this;
        return old;
    }
    bool operator==(const TrackedChars& o) const { return p == o.p; }
    bool operator!=(const TrackedChars& o) const { return p != o.p; }
};

std::vector<std::string> split_pattern(const std::string& pattern) {
    std::vector<std::string> parts;
    std::size_t i = 1;
    while (i <= pattern.size() && !pattern.empty()) {
        std::size_t j = pattern.find('/', i);
        if (j == std::string::npos) j = pattern.size();
        parts.push_back(pattern.substr(i, j - i));
        i = j + 1;
    }
    return parts;
}

struct Frame {
    bool is_object = false;
    // Most objects have a handful of keys: a linear scan beats a tree, and a set takes
    // over only for wide objects.
    std::vector<std::string> keys;
    std::unordered_set<std::string> many_keys;
    std::string key;
    std::size_t index = 0;
    int cap = -1;  // the JsonArrayCap this array (or object) is counted under, or -1

    bool insert_key(const std::string& k) {
        if (!many_keys.empty()) return many_keys.insert(k).second;
        for (const auto& existing : keys)
            if (existing == k) return false;
        keys.push_back(k);
        if (keys.size() > 16) {
            many_keys.insert(keys.begin(), keys.end());
            keys.clear();
        }
        return true;
    }
};

// The pointer of the first `count` frames (all of them by default).
std::string frames_pointer(const std::vector<Frame>& frames, bool include_last_key, std::size_t count = SIZE_MAX) {
    std::string p;
    const std::size_t n = std::min(count, frames.size());
    for (std::size_t i = 0; i < n; ++i) {
        const Frame& f = frames[i];
        bool last = i + 1 == n;
        if (f.is_object) {
            if (last && !include_last_key) break;
            p += "/" + pointer_escape(f.key);
        } else if (!last || include_last_key) {
            p += "/" + std::to_string(f.index);
        }
    }
    return p;
}

// Line and column (in characters, 1-based) of a byte offset.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte) {
    std::size_t line = 1, col = 1;
    if (byte > text.size()) byte = text.size();
    for (std::size_t i = 0; i < byte; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++col;
        }
    }
    return {line, col};
}

std::string one_line(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out;
}

std::string parse_error_text(const std::string& what) {
    // nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 14: syntax error ..."
    auto colon = what.find(": ");
    std::string msg = colon == std::string::npos ? what : what.substr(colon + 2);
    if (msg.find("ill-formed UTF-8") != std::string::npos)
        return "invalid UTF-8 text; expected a file saved as UTF-8 (in Notepad or Excel, choose the UTF-8 encoding)";
    if (msg.rfind("syntax error while parsing ", 0) == 0) msg = "syntax error: " + msg.substr(27);
    return one_line(msg);
}

}  // namespace

std::string pointer_escape(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

// Whether the array about to start (inside `frames`) is at a cap's place.
bool at_pattern(const std::vector<Frame>& frames, const std::vector<std::string>& parts) {
    if (parts.size() != frames.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i] == "*") continue;
        const Frame& f = frames[i];
        if (f.is_object ? f.key != parts[i] : parts[i] != std::to_string(f.index)) return false;
    }
    return true;
}

using Json = nlohmann::json;

// nlohmann's plain DOM builder behind our checks, as a SAX handler. (Its callback parser,
// used before, looks through the whole parent array for discarded values after every
// object: quadratic in an array of objects, seconds for 100,000 respondents.)
class CheckedSax {
public:
    CheckedSax(Json& result, const JsonLimits& limits) : dom_(result, true), limits_(limits) {
        for (const auto& cap : limits.caps) cap_parts_.push_back(split_pattern(cap.pattern));
        cap_totals_.assign(limits.caps.size(), 0);
        owner_depth_.assign(limits.caps.size(), 0);
        // A total counts within one owner: the object holding the list the last "*" runs over
        // (the root for "/sections/*/questions", one definition for "/definitions/*/sections/*/questions").
        for (std::size_t i = 0; i < cap_parts_.size(); ++i)
            for (std::size_t k = 1; k < cap_parts_[i].size(); ++k)
                if (cap_parts_[i][k] == "*") owner_depth_[i] = k - 1;
        cap_owner_.resize(limits.caps.size());
    }

    bool null() { return dom_.null() && finish_value(); }
    bool boolean(bool v) { return dom_.boolean(v) && finish_value(); }
    bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v) && finish_value(); }
    bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v) && finish_value(); }
    bool number_float(Json::number_float_t v, const Json::string_t& s) { return dom_.number_float(v, s) && finish_value(); }
    bool binary(Json::binary_t& v) { return dom_.binary(v) && finish_value(); }
    bool string(Json::string_t& v) {
        if (v.size() > limits_.max_string_bytes)
            throw StructureError{frames_pointer(frames_, true), "a text of " + std::to_string(v.size()) +
                                                                     " bytes; the limit is " +
                                                                     std::to_string(limits_.max_string_bytes)};
        return dom_.string(v) && finish_value();
    }
    bool start_object(std::size_t n) { return open(true) && dom_.start_object(n); }
    bool start_array(std::size_t n) { return open(false) && dom_.start_array(n); }
    bool key(Json::string_t& k) {
        Frame& f = frames_.back();
        f.key = k;
        if (f.key.size() > limits_.max_string_bytes)
            throw StructureError{frames_pointer(frames_, false), "a key of " + std::to_string(f.key.size()) +
                                                                      " bytes; the limit is " +
                                                                      std::to_string(limits_.max_string_bytes)};
        if (!f.insert_key(f.key))
            throw StructureError{frames_pointer(frames_, true), "duplicate key \"" + f.key + "\" in one object"};
        return dom_.key(k);
    }
    bool end_object() { return dom_.end_object() && close(); }
    bool end_array() { return dom_.end_array() && close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        // Thrown as what it is (nlohmann's own handler would slice it to the base class), so
        // its byte position reaches the message.
        if (const auto* p = dynamic_cast<const Json::parse_error*>(&e)) throw *p;
        throw StructureError{"", "cannot parse JSON"};
    }

private:
    bool open(bool is_object) {
        if (static_cast<int>(frames_.size()) >= limits_.max_depth)
            throw StructureError{frames_pointer(frames_, true),
                                 "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
        int cap = -1;
        for (std::size_t i = 0; i < cap_parts_.size() && cap < 0; ++i)
            if (at_pattern(frames_, cap_parts_[i])) cap = static_cast<int>(i);
        if (cap >= 0 && limits_.caps[static_cast<std::size_t>(cap)].total) {
            const auto i = static_cast<std::size_t>(cap);
            std::string key = "/" + frames_pointer(frames_, true, owner_depth_[i]);
            if (key != cap_owner_[i]) {
                cap_totals_[i] = 0;
                cap_owner_[i] = std::move(key);
            }
        }
        frames_.emplace_back();
        frames_.back().is_object = is_object;
        frames_.back().cap = cap;
        return true;
    }

    bool close() {
        frames_.pop_back();
        return finish_value();
    }

    bool finish_value() {
        if (frames_.empty()) return true;
        Frame& f = frames_.back();
        if (f.is_object && f.cap < 0) return true;
        ++f.index;  // for a capped object: members so far
        if (f.cap < 0) return true;
        const JsonArrayCap& cap = limits_.caps[static_cast<std::size_t>(f.cap)];
        std::size_t n = cap.total ? ++cap_totals_[static_cast<std::size_t>(f.cap)] : f.index;
        if (n > cap.max) {
            if (!f.is_object) --f.index;  // the pointer names the element that crossed the cap
            throw CapError{frames_pointer(frames_, true),
                           "more than " + format_count(cap.max) + " " + cap.what + ", the limit; " + cap.advice};
        }
        return true;
    }

    nlohmann::detail::json_sax_dom_parser<Json> dom_;
    const JsonLimits& limits_;
    std::vector<Frame> frames_;
    std::vector<std::vector<std::string>> cap_parts_;
    std::vector<std::size_t> cap_totals_;
    std::vector<std::size_t> owner_depth_;
    std::vector<std::string> cap_owner_;
};

}  // namespace

std::optional<nlohmann::json> parse_json_text(const std::string& text, Diagnostics& diags,
                                              const JsonLimits& limits) {
    if (text.size() > limits.max_bytes) {
        diags.error("", "the file is " + format_bytes(text.size()) + "; the limit is " + format_bytes(limits.max_bytes));
        return std::nullopt;
    }
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        auto [line, col] = line_column(text, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()));
        diags.error(std::to_string(line) + ":" + std::to_string(col),
                    "not a text file (it holds binary data); expected a JSON file saved as UTF-8 text");
        return std::nullopt;
    }
    const char* at = text.data();
    try {
        Json result;
        CheckedSax sax(result, limits);
        bool ok;
        if (limits.caps.empty()) {
            ok = Json::sax_parse(text, &sax, Json::input_format_t::json, /*strict=*/true, /*ignore_comments=*/false);
        } else {
            TrackedChars first{text.data(), &at}, last{text.data() + text.size(), &at};
            ok = Json::sax_parse(first, last, &sax, Json::input_format_t::json, true, false);
        }
        if (ok) return result;
        diags.error("", "cannot parse JSON");
    } catch (const StructureError& e) {
        diags.error(e.pointer.empty() ? "/" : e.pointer, e.message);
    } catch (const CapError& e) {
        // `at` is past the last character the lexer read: the one that ended the element.
        auto [line, col] = line_column(text, static_cast<std::size_t>(at - text.data()) - (at > text.data()));
        diags.error(std::to_string(line) + ":" + std::to_string(col), "at " + e.pointer + ": " + e.message);
    } catch (const nlohmann::json::parse_error& e) {
        auto [line, col] = line_column(text, e.byte == 0 ? 0 : e.byte - 1);
        diags.error(std::to_string(line) + ":" + std::to_string(col), parse_error_text(e.what()));
    } catch (const std::exception& e) {
        diags.error("", std::string("cannot parse JSON: ") + one_line(e.what()));
    }
    return std::nullopt;
}

bool read_text_file(const std::string& path, std::size_t max_bytes, std::string& out,
                    std::string& error) {
    FilePtr f(platform::open_file(path, "rb"));
    if (!f) {
        const int err = errno;
#ifdef _WIN32
        // Windows refuses to open a folder with "permission denied": say what it is.
        std::error_code ec;
        if (err != ENOENT && std::filesystem::is_directory(platform::path_from_utf8(path), ec)) {
            error = "this is a folder; expected a file";
            return false;
        }
#endif
        // The usual cause is a mistyped name: say so plainly.
        error = err == ENOENT ? "no such file; check the name and the folder"
                : err == EACCES ? "cannot open the file: permission denied"
                                : std::string("cannot open the file: ") + std::strerror(err);
        return false;
    }
    // A file far over the limit is refused before a byte of it is read; one that grows, or a
    // pipe, is refused as soon as reading crosses the limit.
    platform::OpenFileInfo st;
    if (platform::open_file_info(f.get(), st)) {
        if (st.directory) {
            error = "this is a folder; expected a file";
            return false;
        }
        if (st.regular && st.size > max_bytes) {
            error = "the file is " + format_bytes(st.size) + "; the limit is " + format_bytes(max_bytes) +
                    " (see \"Limits\" in the README)";
            return false;
        }
        // Reserved whole: growing by doubling would hold two copies near the limit. Pages
        // never written are not memory in use.
        out.reserve(st.regular ? static_cast<std::size_t>(st.size) : max_bytes);
    }
    out.clear();
    if (out.capacity() > 0 && out.capacity() != max_bytes) {
        // Straight into the string: through a buffer, the copy cost a tenth of reading a large file.
        out.resize(out.capacity());
        out.resize(std::fread(out.data(), 1, out.size(), f.get()));
        if (out.size() > max_bytes) {
            error = "the file is larger than the limit of " + format_bytes(max_bytes) + " (see \"Limits\" in the README)";
            out.clear();
            return false;
        }
    }
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
        if (out.size() + n > max_bytes) {
            error = "the file is larger than the limit of " + format_bytes(max_bytes) + " (see \"Limits\" in the README)";
            out.clear();
            return false;
        }
        out.append(buf, n);
    }
    if (std::ferror(f.get())) {
        error = std::string("cannot read the file: ") + std::strerror(errno);
        return false;
    }
    return true;
}

std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diags,
                                             const JsonLimits& limits) {
    std::string text, error;
    if (!read_text_file(path, limits.max_bytes, text, error)) {
        diags.error("", error);
        return std::nullopt;
    }
    return parse_json_text(text, diags, limits);
}

}  // namespace ys
