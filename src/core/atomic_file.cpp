#include "atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <unistd.h>

namespace ys {
namespace {
struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f) std::fclose(f);
    }
};
}  // namespace

bool write_file_atomic(const std::string& path, const std::string& content, std::string& error) {
    std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    {
        std::unique_ptr<std::FILE, FileCloser> f(std::fopen(tmp.c_str(), "wb"));
        if (!f) {
            error = path + ": cannot write: " + std::strerror(errno);
            return false;
        }
        bool ok = std::fwrite(content.data(), 1, content.size(), f.get()) == content.size();
        ok = std::fflush(f.get()) == 0 && ok;
        ok = ::fsync(::fileno(f.get())) == 0 && ok;
        if (!ok) {
            error = path + ": cannot write: " + std::strerror(errno);
            f.reset();
            std::remove(tmp.c_str());
            return false;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = path + ": cannot write: " + std::strerror(errno);
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

}  // namespace ys
