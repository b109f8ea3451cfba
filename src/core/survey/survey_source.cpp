#include "survey_source.h"

#include <algorithm>
#include <cstring>
#include <sstream>
#include <utility>

namespace ys::survey {

std::string read_head(std::streambuf& in, std::size_t max_bytes) {
    std::string head;
    bool quoted = false, text = false;
    std::size_t scanned = 0;
    char block[16 * 1024];
    while (head.size() < max_bytes) {
        const std::streamsize n = in.sgetn(block, static_cast<std::streamsize>(sizeof block));
        if (n <= 0) break;
        head.append(block, static_cast<std::size_t>(n));
        // Quotes come in pairs whatever the separator, so a line end outside them ends the record.
        for (; scanned < head.size(); ++scanned) {
            const char c = head[scanned];
            if (c == '"') quoted = !quoted;
            else if ((c == '\n' || c == '\r') && !quoted && text) return head;
            else if (c != '\n' && c != '\r') text = true;
        }
    }
    return head;
}

std::optional<std::vector<std::string>> split_header(const std::string& head, char separator, const CsvLimits& limits,
                                                     std::string* why) {
    std::istringstream in(head);
    CsvLimits l = limits;
    l.max_total_bytes = 0;  // the head is not the whole file
    CsvReader reader(in, l, separator);
    std::vector<std::string> fields;
    if (!reader.next(fields)) {
        if (why) *why = reader.error_reason();
        return std::nullopt;
    }
    return fields;
}

std::size_t count_char(const std::vector<std::string>& fields, char separator) {
    std::size_t n = 0;
    for (const auto& f : fields) n += static_cast<std::size_t>(std::count(f.begin(), f.end(), separator));
    return n;
}

std::streamsize ReplayBuf::xsgetn(char* s, std::streamsize n) {
    std::streamsize got = 0;
    if (gptr() && gptr() < egptr() && n > 0) {  // a byte underflow() took and nobody read
        *s = *gptr();
        gbump(1);
        got = 1;
    }
    if (pos_ < head_.size() && got < n) {
        const std::size_t k = std::min(head_.size() - pos_, static_cast<std::size_t>(n - got));
        std::memcpy(s + got, head_.data() + pos_, k);
        pos_ += k;
        got += static_cast<std::streamsize>(k);
    }
    if (got < n) {
        const std::streamsize r = rest_.sgetn(s + got, n - got);
        if (r > 0) got += r;
    }
    return got;
}

ReplayBuf::int_type ReplayBuf::underflow() {
    if (gptr() && gptr() < egptr()) return traits_type::to_int_type(*gptr());
    char c;
    setg(nullptr, nullptr, nullptr);
    if (xsgetn(&c, 1) != 1) return traits_type::eof();
    one_ = c;
    setg(&one_, &one_, &one_ + 1);
    return traits_type::to_int_type(one_);
}

}  // namespace ys::survey
