#include "diagnostics.h"

namespace ys {

std::string to_string(const Diagnostic& d) {
    std::string s = d.file;
    if (!d.where.empty()) s += (s.empty() ? "" : ": ") + d.where;
    s += s.empty() ? "" : ": ";
    if (d.severity == Severity::Warning) s += "warning: ";
    s += d.message;
    return s;
}

void Diagnostics::error(const std::string& where, const std::string& message) {
    items_.push_back({Severity::Error, file_, where, message});
}

void Diagnostics::warning(const std::string& where, const std::string& message) {
    items_.push_back({Severity::Warning, file_, where, message});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::error_count() const {
    std::size_t n = 0;
    for (const auto& d : items_)
        if (d.severity == Severity::Error) ++n;
    return n;
}

}  // namespace ys
