#pragma once
#include <string>

namespace ys {

// Writes a whole file atomically: a temporary beside it, then a rename, so a reader
// never sees half a file. Returns false with a one-line error.
bool write_file_atomic(const std::string& path, const std::string& content, std::string& error);

}  // namespace ys
