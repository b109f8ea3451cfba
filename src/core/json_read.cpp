#include "json_read.h"

#include <cstdio>
#include <memory>
#include <unordered_set>
#include <vector>

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

struct Frame {
    bool is_object = false;
    // Most objects have a handful of keys: a linear scan beats a tree, and a set takes
    // over only for wide objects.
    std::vector<std::string> keys;
    std::unordered_set<std::string> many_keys;
    std::string key;
    std::size_t index = 0;

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

std::string frames_pointer(const std::vector<Frame>& frames, bool include_last_key) {
    std::string p;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Frame& f = frames[i];
        bool last = i + 1 == frames.size();
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

std::optional<nlohmann::json> parse_json_text(const std::string& text, Diagnostics& diags,
                                              const JsonLimits& limits) {
    if (text.size() > limits.max_bytes) {
        diags.error("", "file is " + std::to_string(text.size()) + " bytes; the limit is " +
                            std::to_string(limits.max_bytes));
        return std::nullopt;
    }
    std::vector<Frame> frames;
    auto finish_value = [&frames]() {
        if (!frames.empty() && !frames.back().is_object) ++frames.back().index;
    };
    using event = nlohmann::json::parse_event_t;
    auto callback = [&](int depth, event ev, nlohmann::json& parsed) -> bool {
        switch (ev) {
            case event::object_start:
            case event::array_start:
                if (depth >= limits.max_depth)
                    throw StructureError{frames_pointer(frames, true),
                                         "nesting deeper than " + std::to_string(limits.max_depth) +
                                             " levels"};
                frames.emplace_back();
                frames.back().is_object = ev == event::object_start;
                break;
            case event::key: {
                Frame& f = frames.back();
                f.key = parsed.get_ref<const std::string&>();
                if (f.key.size() > limits.max_string_bytes)
                    throw StructureError{frames_pointer(frames, false),
                                         "a key of " + std::to_string(f.key.size()) + " bytes; the limit is " +
                                             std::to_string(limits.max_string_bytes)};
                if (!f.insert_key(f.key))
                    throw StructureError{frames_pointer(frames, true),
                                         "duplicate key \"" + f.key + "\" in one object"};
                break;
            }
            case event::object_end:
            case event::array_end:
                frames.pop_back();
                finish_value();
                break;
            case event::value:
                if (parsed.is_string() && parsed.get_ref<const std::string&>().size() > limits.max_string_bytes)
                    throw StructureError{frames_pointer(frames, true),
                                         "a text of " + std::to_string(parsed.get_ref<const std::string&>().size()) +
                                             " bytes; the limit is " + std::to_string(limits.max_string_bytes)};
                finish_value();
                break;
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text, callback, /*allow_exceptions=*/true,
                                     /*ignore_comments=*/false);
    } catch (const StructureError& e) {
        diags.error(e.pointer.empty() ? "/" : e.pointer, e.message);
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
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f) {
        error = "cannot open file";
        return false;
    }
    out.clear();
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
        if (out.size() + n > max_bytes) {
            error = "file is larger than the limit of " + std::to_string(max_bytes) + " bytes";
            return false;
        }
        out.append(buf, n);
    }
    if (std::ferror(f.get())) {
        error = "cannot read file (is it a directory?)";
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
