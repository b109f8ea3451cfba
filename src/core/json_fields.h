#pragma once
// Typed, reporting access to a parsed JSON document: every read knows its JSON pointer
// and says what was expected when the value is missing or of the wrong kind.
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "diagnostics.h"

namespace ys {

enum class Need { Required, Optional };

class JsonAt {
public:
    JsonAt(const nlohmann::json* value, std::string pointer, Diagnostics& diags)
        : value_(value), pointer_(std::move(pointer)), diags_(&diags) {}

    bool present() const { return value_ != nullptr; }
    const nlohmann::json& json() const { return *value_; }
    const std::string& pointer() const { return pointer_; }
    std::string where() const { return pointer_.empty() ? "/" : pointer_; }
    Diagnostics& diags() const { return *diags_; }

    JsonAt operator[](const std::string& key) const;
    JsonAt operator[](std::size_t index) const;
    std::size_t size() const;

    // Checks the kind of this value; reports "expected ..." when wrong.
    bool expect_object() const;
    bool expect_array(std::size_t min_items = 0) const;

    // Reports keys not in `allowed` (typos). Keys starting with "x-" are extensions.
    void check_keys(std::initializer_list<const char*> allowed) const;

    std::optional<std::string> string(const std::string& key, Need need) const;
    // A string following the id rule: lower case letters, digits, '-', '_', '.'.
    std::optional<std::string> id(const std::string& key, Need need) const;
    std::optional<double> number(const std::string& key, Need need) const;
    std::optional<long long> integer(const std::string& key, Need need) const;
    std::optional<bool> boolean(const std::string& key, Need need) const;

    void error(const std::string& message) const { diags_->error(where(), message); }
    void warning(const std::string& message) const { diags_->warning(where(), message); }

private:
    const nlohmann::json* value_;
    std::string pointer_;
    Diagnostics* diags_;
};

bool is_valid_id(const std::string& s);
// The string at doc[key], or "" when absent or not a string (never throws).
std::string string_or_empty(const nlohmann::json& doc, const char* key);
bool is_valid_version(const std::string& s);
std::string describe_json_type(const nlohmann::json& v);

}  // namespace ys
