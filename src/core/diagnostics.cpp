#include "diagnostics.h"

namespace ys {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are not valid).
std::size_t utf8_length(const std::string& s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    unsigned char second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

// Text from input files ends up in messages; keep each message one line of valid UTF-8.
std::string printable(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = utf8_length(s, i);
        if (n == 1 && c >= 0x20 && c != 0x7F) {
            out += s[i];
        } else if (n > 1) {
            out.append(s, i, n);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
        i += n ? n : 1;
    }
    return out;
}

std::string to_string(const Diagnostic& d) {
    std::string s = d.file;
    if (!d.where.empty()) s += (s.empty() ? "" : ": ") + d.where;
    s += s.empty() ? "" : ": ";
    if (d.severity == Severity::Warning) s += "warning: ";
    s += d.message;
    return printable(s);
}

void Diagnostics::error(const std::string& where, const std::string& message) {
    add({Severity::Error, file_, where, message});
}

void Diagnostics::warning(const std::string& where, const std::string& message) {
    add({Severity::Warning, file_, where, message});
}

Diagnostics::FileTally& Diagnostics::tally(const std::string& file) {
    if (last_tally_ < tallies_.size() && tallies_[last_tally_].file == file) return tallies_[last_tally_];
    for (std::size_t i = 0; i < tallies_.size(); ++i)
        if (tallies_[i].file == file) {
            last_tally_ = i;
            return tallies_[i];
        }
    tallies_.push_back({file});
    last_tally_ = tallies_.size() - 1;
    return tallies_.back();
}

void Diagnostics::count_past_cap(FileTally& t, const std::string& file, std::size_t errors, std::size_t warnings) {
    if (!t.has_summary) {
        t.summary = items_.size();
        t.has_summary = true;
        items_.push_back({Severity::Warning, file, "", ""});
    }
    Diagnostic& s = items_[t.summary];
    s.more_errors += errors;
    s.more_warnings += warnings;
    s.severity = s.more_errors > 0 ? Severity::Error : Severity::Warning;
    std::size_t more = s.more_errors + s.more_warnings;
    s.message = std::to_string(more) + (more == 1 ? " more problem was" : " more problems were") +
                " found and not shown (" + std::to_string(s.more_errors) +
                (s.more_errors == 1 ? " error, " : " errors, ") + std::to_string(s.more_warnings) +
                (s.more_warnings == 1 ? " warning" : " warnings") + "); at most " +
                std::to_string(kMaxProblemsPerFile) + " are listed per file";
}

void Diagnostics::add(Diagnostic d) {
    std::size_t errors = d.is_summary() ? d.more_errors : d.severity == Severity::Error ? 1 : 0;
    std::size_t warnings = d.is_summary() ? d.more_warnings : d.severity == Severity::Warning ? 1 : 0;
    errors_ += errors;
    warnings_ += warnings;
    FileTally& t = tally(d.file);
    if (d.is_summary() || t.shown >= kMaxProblemsPerFile) {
        count_past_cap(t, d.file, errors, warnings);
        return;
    }
    ++t.shown;
    items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
}

}  // namespace ys
