#pragma once
// The one place that hands libxlsxwriter a path. libxlsxwriter opens its output itself
// (with fopen), so it cannot write through write_file_atomic: it writes a private scratch
// file made beside the target, whose bytes are then read back and written to the target
// atomically. A Windows port changes only this file (fopen there takes the ANSI code page,
// so the scratch name must be one it can spell).
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
    const char* library_path() const { return path_.c_str(); }
    // The whole file as libxlsxwriter left it. False with a one-line error.
    bool read(std::string& bytes, std::string& error) const;

private:
    std::string path_;
    std::string error_;
};

}  // namespace ys::xlsx
