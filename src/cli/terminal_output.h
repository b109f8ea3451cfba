#pragma once
// Everything yardstick-cli prints (tables, messages, JSON and CSV on standard output) goes
// through one filter that shows control characters visibly (\x1b, \r, \u009b), so a name
// or note from a database or a file cannot move the cursor, rewrite the screen or hide
// text. Files written with --out keep the real text.
#include <ostream>
#include <streambuf>
#include <string>

namespace ys::cli {

class TerminalSafeBuf : public std::streambuf {
public:
    explicit TerminalSafeBuf(std::streambuf* target) : target_(target) {}
    ~TerminalSafeBuf() override;
    TerminalSafeBuf(const TerminalSafeBuf&) = delete;
    TerminalSafeBuf& operator=(const TerminalSafeBuf&) = delete;

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    // Writes the pending text, escaped; all of it, or only what cannot be changed by the
    // bytes still to come (a UTF-8 sequence cut in two, a CR before its LF).
    void emit(bool all);

    std::streambuf* target_;
    std::string pending_;
};

// Puts a TerminalSafeBuf between a stream and its buffer for the guard's lifetime; on the
// way out it writes what is pending and gives the stream its buffer back.
class TerminalSafeStream {
public:
    explicit TerminalSafeStream(std::ostream& stream);
    ~TerminalSafeStream();
    TerminalSafeStream(const TerminalSafeStream&) = delete;
    TerminalSafeStream& operator=(const TerminalSafeStream&) = delete;

private:
    std::ostream& stream_;
    std::streambuf* original_;
    TerminalSafeBuf filter_;
};

}  // namespace ys::cli
