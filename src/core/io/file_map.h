#pragma once
// A regular file's bytes mapped read-only into memory: the fast readers of large files
// (answers_stream.h) scan it where it lies, with no copy and no zero-filled buffer, which were
// a fifth of reading a 27 MB answer file. Only the usual case is mapped: a regular, non-empty
// file within the size limit. Anything else (a pipe, a folder, a missing or too large file,
// a system that refuses) leaves it unmapped, and the caller reads the file the usual way
// (read_text_file in json_read.h), which says what is wrong: one way of reporting errors.
#include <cstddef>
#include <string>
#include <string_view>

namespace ys {

class MappedFile {
public:
    MappedFile(const std::string& utf8_path, std::size_t max_bytes);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    bool mapped() const { return data_ != nullptr; }
    // The file's bytes; empty when not mapped. Valid while this object lives.
    std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

private:
    const void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace ys
