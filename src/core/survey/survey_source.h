#pragma once
// Reading an export's bytes before its rows (not a public API): the header row is taken
// from the stream first, so that its separator can be decided, then given back to the CSV
// reader ahead of the rest of the stream.
#include <cstddef>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include "csv.h"

namespace ys::survey {

// The separators an export may use, in order of preference when several read equally well.
inline constexpr char kSeparators[] = {',', ';', '\t'};

// The bytes from the start of `in` up to the end of its first record (a line end outside
// quotes after some text), and usually some more; at most about max_bytes.
std::string read_head(std::streambuf& in, std::size_t max_bytes);

// The first record of `head` split at `separator`, or nothing when it does not read that way
// (why in `why` when given).
std::optional<std::vector<std::string>> split_header(const std::string& head, char separator, const CsvLimits& limits,
                                                     std::string* why = nullptr);

// How many times `separator` occurs in the fields.
std::size_t count_char(const std::vector<std::string>& fields, char separator);

// Gives `head` first, then what is left in `rest`.
class ReplayBuf : public std::streambuf {
public:
    ReplayBuf(std::string head, std::streambuf& rest) : head_(std::move(head)), rest_(rest) {}

protected:
    std::streamsize xsgetn(char* s, std::streamsize n) override;
    int_type underflow() override;

private:
    std::string head_;
    std::size_t pos_ = 0;
    std::streambuf& rest_;
    char one_ = 0;
};

}  // namespace ys::survey
