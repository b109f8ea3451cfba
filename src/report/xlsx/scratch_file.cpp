#include "scratch_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include <unistd.h>

namespace ys::xlsx {

ScratchFile::ScratchFile(const std::string& target) {
    const std::filesystem::path t(target);
    const std::filesystem::path folder = t.has_parent_path() ? t.parent_path() : std::filesystem::path(".");
    // Hidden, and named for the target so a scratch left by a crash says what it was.
    std::string pattern = (folder / ("." + t.filename().string() + ".part-XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const int fd = ::mkstemp(buf.data());  // O_EXCL, mode 0600
    if (fd < 0) {
        const int err = errno;
        error_ = target + ": cannot write: " +
                 (err == ENOENT ? std::string("the folder does not exist")
                  : err == EACCES || err == EPERM ? std::string("permission denied in its folder")
                  : err == ENOSPC ? std::string("the disk is full")
                  : err == EROFS ? std::string("the folder is read-only")
                                 : std::string(std::strerror(err)));
        return;
    }
    ::close(fd);
    path_ = buf.data();
}

ScratchFile::~ScratchFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
}

bool ScratchFile::read(std::string& bytes, std::string& error) const {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return error = "the workbook could not be read back from its scratch file " + path_, false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return error = "the workbook could not be read back from its scratch file " + path_, false;
    return true;
}

}  // namespace ys::xlsx
