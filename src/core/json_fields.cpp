#include "json_fields.h"

#include <cmath>

#include "text_check.h"

namespace ys {

std::string describe_json_type(const nlohmann::json& v) {
    switch (v.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::object: return "an object";
        case nlohmann::json::value_t::array: return "an array";
        case nlohmann::json::value_t::string: return "a string";
        case nlohmann::json::value_t::boolean: return "a boolean";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float: return "a number";
        default: return "an unexpected value";
    }
}

std::string string_or_empty(const nlohmann::json& doc, const char* key) {
    if (!doc.is_object()) return {};
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_valid_id(const std::string& s) {
    if (s.empty() || s.size() > 128) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  (i > 0 && (c == '-' || c == '_' || c == '.'));
        if (!ok) return false;
    }
    return true;
}

bool is_valid_version(const std::string& s) {
    int parts = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == start || i - start > 6) return false;
        ++parts;
        if (i == s.size()) break;
        if (s[i] != '.') return false;
        ++i;
    }
    return parts == 2 || parts == 3;
}

namespace {

void append_step(std::string& out, const std::string& key) {
    out += '/';
    bool plain = true;
    for (char c : key) plain = plain && c != '~' && c != '/';
    if (plain) {
        out += key;
        return;
    }
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

}  // namespace

std::string JsonAt::pointer() const {
    std::string p = prefix_;
    for (std::size_t i = 0; i < step_count_; ++i) {
        if (steps_[i].key) append_step(p, *steps_[i].key);
        else p += '/' + std::to_string(steps_[i].index);
    }
    return p + missing_;
}

std::string JsonAt::where() const {
    std::string p = pointer();
    return p.empty() ? "/" : p;
}

JsonAt JsonAt::child_present(const nlohmann::json* child, Step step) const {
    JsonAt c(*this);
    c.value_ = child;
    if (c.step_count_ == kInlineSteps) {
        c.prefix_ = pointer();
        c.step_count_ = 0;
    }
    c.steps_[c.step_count_++] = step;
    return c;
}

JsonAt JsonAt::missing_child() const {
    JsonAt c(*this);
    c.value_ = nullptr;
    return c;
}

JsonAt JsonAt::operator[](const std::string& key) const {
    if (value_ && value_->is_object()) {
        auto it = value_->find(key);
        // The key is borrowed from the document, like the value.
        if (it != value_->end()) return child_present(&*it, {&it.key(), 0});
    }
    JsonAt c = missing_child();
    append_step(c.missing_, key);
    return c;
}

JsonAt JsonAt::operator[](std::size_t index) const {
    if (value_ && value_->is_array() && index < value_->size()) return child_present(&(*value_)[index], {nullptr, index});
    JsonAt c = missing_child();
    c.missing_ += '/' + std::to_string(index);
    return c;
}

std::size_t JsonAt::size() const {
    return value_ && (value_->is_array() || value_->is_object()) ? value_->size() : 0;
}

bool JsonAt::expect_object() const {
    if (!value_) {
        error("missing; expected an object");
        return false;
    }
    if (!value_->is_object()) {
        error("expected an object, found " + describe_json_type(*value_));
        return false;
    }
    return true;
}

bool JsonAt::expect_array(std::size_t min_items) const {
    if (!value_) {
        error("missing; expected an array");
        return false;
    }
    if (!value_->is_array()) {
        error("expected an array, found " + describe_json_type(*value_));
        return false;
    }
    if (value_->size() < min_items) {
        error("expected at least " + std::to_string(min_items) +
              (min_items == 1 ? " item" : " items") + ", found " + std::to_string(value_->size()));
        return false;
    }
    return true;
}

void JsonAt::check_keys(std::initializer_list<const char*> allowed) const { check_keys(allowed, {}); }

void JsonAt::check_keys(std::initializer_list<const char*> shared, std::initializer_list<const char*> own) const {
    if (!value_ || !value_->is_object()) return;
    for (auto it = value_->begin(); it != value_->end(); ++it) {
        const std::string& k = it.key();
        if (k.rfind("x-", 0) == 0 || k == "$comment") continue;
        bool known = false;
        for (const auto* list : {&shared, &own})
            for (const char* a : *list)
                if (k == a) known = true;
        if (!known) {
            std::string names;
            for (const auto* list : {&shared, &own})
                for (const char* a : *list) names += std::string(names.empty() ? "" : ", ") + a;
            (*this)[k].error("unknown key \"" + k + "\"; expected one of: " + names);
        }
    }
}

std::optional<std::string> JsonAt::string(const std::string& key, Need need) const {
    JsonAt f = (*this)[key];
    if (!f.present()) {
        if (need == Need::Required) f.error("missing; expected a string");
        return std::nullopt;
    }
    if (!f.json().is_string()) {
        f.error("expected a string, found " + describe_json_type(f.json()));
        return std::nullopt;
    }
    std::string s = f.json().get<std::string>();
    if (need == Need::Required && s.empty()) {
        f.error("expected a non-empty string");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> JsonAt::id(const std::string& key, Need need) const {
    auto s = string(key, need);
    if (s && !is_valid_id(*s)) {
        (*this)[key].error("\"" + *s +
                           "\" is not a valid id; expected lower case letters, digits, '-', '_' "
                           "or '.', starting with a letter or digit, at most 128 characters");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> JsonAt::text(const std::string& key, TextField field, Need need) const {
    auto s = string(key, need);
    if (s) {
        if (std::string p = text_problem(field, *s); !p.empty()) {
            (*this)[key].error(p);
            return std::nullopt;
        }
    }
    return s;
}

std::optional<double> JsonAt::number(const std::string& key, Need need) const {
    JsonAt f = (*this)[key];
    if (!f.present()) {
        if (need == Need::Required) f.error("missing; expected a number");
        return std::nullopt;
    }
    if (!f.json().is_number()) {
        f.error("expected a number, found " + describe_json_type(f.json()));
        return std::nullopt;
    }
    double d = f.json().get<double>();
    if (!std::isfinite(d)) {
        f.error("expected a finite number");
        return std::nullopt;
    }
    return d;
}

std::optional<long long> JsonAt::integer(const std::string& key, Need need) const {
    JsonAt f = (*this)[key];
    auto d = number(key, need);
    if (!d) return std::nullopt;
    if (std::floor(*d) != *d || std::fabs(*d) > 1e12) {
        f.error("expected a whole number, found " + f.json().dump());
        return std::nullopt;
    }
    return static_cast<long long>(*d);
}

std::optional<bool> JsonAt::boolean(const std::string& key, Need need) const {
    JsonAt f = (*this)[key];
    if (!f.present()) {
        if (need == Need::Required) f.error("missing; expected true or false");
        return std::nullopt;
    }
    if (!f.json().is_boolean()) {
        f.error("expected true or false, found " + describe_json_type(f.json()));
        return std::nullopt;
    }
    return f.json().get<bool>();
}

}  // namespace ys
