#include "terminal_output.h"

#include "text_check.h"

namespace ys::cli {
namespace {
// Written out in pieces of about this size, so a large output needs little memory.
constexpr std::size_t kChunk = 16 * 1024;
}  // namespace

TerminalSafeBuf::~TerminalSafeBuf() { emit(true); }

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    pending_ += traits_type::to_char_type(ch);
    if (pending_.size() >= kChunk) emit(false);
    return ch;
}

std::streamsize TerminalSafeBuf::xsputn(const char* s, std::streamsize n) {
    pending_.append(s, static_cast<std::size_t>(n));
    if (pending_.size() >= kChunk) emit(false);
    return n;
}

int TerminalSafeBuf::sync() {
    emit(false);
    return target_->pubsync();
}

void TerminalSafeBuf::emit(bool all) {
    const std::size_t n = all ? pending_.size() : terminal_safe_prefix(pending_);
    if (n == 0) return;
    const std::string out = escape_for_terminal(std::string_view(pending_).substr(0, n));
    target_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
    pending_.erase(0, n);
}

TerminalSafeStream::TerminalSafeStream(std::ostream& stream)
    : stream_(stream), original_(stream.rdbuf()), filter_(original_) {
    stream_.rdbuf(&filter_);
}

TerminalSafeStream::~TerminalSafeStream() {
    stream_.flush();
    stream_.rdbuf(original_);
    // filter_ writes anything still held back (a lone CR at the very end) as it goes.
}

}  // namespace ys::cli
