#pragma once
// Typed, reporting access to a parsed JSON document: every read knows its JSON pointer
// and says what was expected when the value is missing or of the wrong kind.
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "field_limits.h"

namespace ys {

enum class Need { Required, Optional };

// The JSON pointer of a value is needed only when a problem is reported, so it is not
// built while reading: a JsonAt keeps the steps from its base as pointers to the keys in
// the document (which must outlive it anyway, as the value does) or array indexes, and
// writes the pointer out only in pointer(), where(), error() and warning(). Steps are held
// by value, never through a parent JsonAt, so a JsonAt made from a temporary is safe to keep.
class JsonAt {
public:
    JsonAt(const nlohmann::json* value, std::string pointer, Diagnostics& diags)
        : value_(value), diags_(&diags), prefix_(std::move(pointer)) {}

    bool present() const { return value_ != nullptr; }
    const nlohmann::json& json() const { return *value_; }
    std::string pointer() const;
    std::string where() const;
    Diagnostics& diags() const { return *diags_; }

    JsonAt operator[](const std::string& key) const;
    JsonAt operator[](std::size_t index) const;
    std::size_t size() const;

    // Checks the kind of this value; reports "expected ..." when wrong.
    bool expect_object() const;
    bool expect_array(std::size_t min_items = 0) const;

    // Reports keys not in `allowed` (typos). Keys starting with "x-" are extensions.
    void check_keys(std::initializer_list<const char*> allowed) const;
    // The same, for keys every object of a kind shares and the keys of its own.
    void check_keys(std::initializer_list<const char*> shared, std::initializer_list<const char*> own) const;

    std::optional<std::string> string(const std::string& key, Need need) const;
    // A string following the id rule: lower case letters, digits, '-', '_', '.'.
    std::optional<std::string> id(const std::string& key, Need need) const;
    // A string checked against a text field's rule and limit (text/field_limits.h).
    std::optional<std::string> text(const std::string& key, TextField field, Need need) const;
    std::optional<double> number(const std::string& key, Need need) const;
    std::optional<long long> integer(const std::string& key, Need need) const;
    std::optional<bool> boolean(const std::string& key, Need need) const;

    void error(const std::string& message) const { diags_->error(where(), message); }
    void warning(const std::string& message) const { diags_->warning(where(), message); }

private:
    // A step to a value that is present: its key in the document, or its index.
    struct Step {
        const std::string* key;  // nullptr: an array index
        std::size_t index;
    };
    // Deep enough for every reader's usual paths; deeper steps are written into prefix_.
    static constexpr std::size_t kInlineSteps = 8;

    JsonAt child_present(const nlohmann::json* child, Step step) const;
    JsonAt missing_child() const;  // its step is added by the caller

    const nlohmann::json* value_;
    Diagnostics* diags_;
    std::string prefix_;  // the pointer before steps_ (given, or steps written out)
    Step steps_[kInlineSteps] = {};
    std::size_t step_count_ = 0;
    std::string missing_;  // the steps past the last value present, written out ("/na")
};

bool is_valid_id(const std::string& s);
// The string at doc[key], or "" when absent or not a string (never throws).
std::string string_or_empty(const nlohmann::json& doc, const char* key);
bool is_valid_version(const std::string& s);
std::string describe_json_type(const nlohmann::json& v);

}  // namespace ys
