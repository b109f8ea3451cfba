#pragma once
// The one place that hands libxlsxwriter a path. libxlsxwriter opens its output itself
// (with fopen), so it cannot write through write_file_atomic: it writes a private scratch
// file (beside the target; on Windows in the temporary folder), whose bytes are then read
// back and written to the target atomically. On Windows fopen takes the ANSI code page, so
// the scratch name is one it can spell (see scratch_file.cpp).
#include <string>

namespace ys::xlsx {

class ScratchFile {
public:
    // Made exclusively (a new, random name) and readable by its owner only, in the folder of
    // `target`; on failure ok() is false and error() says why in one line.
    explicit ScratchFile(const std::string& target);
    ~ScratchFile();  // removes the file
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    bool ok() const { return !path_.empty(); }
    const std::string& error() const { return error_; }
    // The path as libxlsxwriter's fopen takes it.
    const char* library_path() const { return library_path_.c_str(); }
    // Windows: the scratch's folder as the library spells it, for its own temporary files
    // (empty elsewhere: the library's default).
    const std::string& library_folder() const { return library_folder_; }
    // The whole file as libxlsxwriter left it. False with a one-line error.
    bool read(std::string& bytes, std::string& error) const;

private:
    std::string path_;  // UTF-8
    std::string library_path_;
    std::string library_folder_;
    std::string error_;
};

}  // namespace ys::xlsx
