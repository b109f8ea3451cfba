#include "file_map.h"

#include <cstdio>
#include <memory>

#include "platform.h"

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <sys/mman.h>
#endif

namespace ys {
namespace {

struct CloseFile {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

// Opened through platform::open_file, the one open of a user's path; the mapping keeps
// the file's bytes after the handle is closed (on both systems).
MappedFile::MappedFile(const std::string& utf8_path, std::size_t max_bytes) {
    std::unique_ptr<std::FILE, CloseFile> f(platform::open_file(utf8_path, "rb"));
    platform::OpenFileInfo info;
    if (!f || !platform::open_file_info(f.get(), info) || !info.regular || info.size == 0 || info.size > max_bytes)
        return;
    const auto size = static_cast<std::size_t>(info.size);
#ifdef _WIN32
    HANDLE file = reinterpret_cast<HANDLE>(::_get_osfhandle(::_fileno(f.get())));
    if (file == INVALID_HANDLE_VALUE) return;
    HANDLE mapping = ::CreateFileMappingW(file, nullptr, PAGE_READONLY, 0, 0, nullptr);
    if (!mapping) return;
    const void* view = ::MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, size);
    ::CloseHandle(mapping);  // the view holds the mapping open
    if (!view) return;
    data_ = view;
#else
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE;  // every page at once: page by page, the faults cost more than the reading
#endif
    void* view = ::mmap(nullptr, size, PROT_READ, flags, ::fileno(f.get()), 0);
    if (view == MAP_FAILED) return;
    data_ = view;
#endif
    size_ = size;
}

MappedFile::~MappedFile() {
    if (!data_) return;
#ifdef _WIN32
    ::UnmapViewOfFile(data_);
#else
    ::munmap(const_cast<void*>(data_), size_);
#endif
}

}  // namespace ys
