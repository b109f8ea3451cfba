#include "gtk_log.h"

#include <dlfcn.h>

#include <cstring>

#include <catch2/catch.hpp>

namespace ys::gui::test {

namespace {

// GLib's declarations (glib/gmessages.h, stable since GLib 2.50). GTK 3 logs its warnings
// and criticals as structured messages, which reach the writer function only (handlers set
// with g_log_set_handler never see them); g_return_if_fail's criticals reach it too.
struct LogField {
    const char* key;
    const void* value;
    long length;
};
using Writer = int (*)(int level, const LogField* fields, std::size_t n, void* data);
using SetWriter = void (*)(Writer w, void* data, void (*free_data)(void*));
constexpr int kCritical = 1 << 3, kWarning = 1 << 4;

// The writer is set once for the process (GLib allows no second); it hands each message to
// the GtkComplaints alive, then prints it as GLib would.
GtkComplaints* current = nullptr;
Writer default_writer = nullptr;

std::string field(const LogField* fields, std::size_t n, const char* key) {
    for (std::size_t i = 0; i < n; ++i)
        if (std::strcmp(fields[i].key, key) == 0 && fields[i].value)
            return fields[i].length < 0 ? std::string(static_cast<const char*>(fields[i].value))
                                        : std::string(static_cast<const char*>(fields[i].value), static_cast<std::size_t>(fields[i].length));
    return {};
}

int write(int level, const LogField* fields, std::size_t n, void* data) {
    if (current && (level & (kCritical | kWarning))) {
        std::string domain = field(fields, n, "GLIB_DOMAIN");
        current->seen.push_back((domain.empty() ? std::string("(app)") : domain) + ((level & kCritical) ? "-CRITICAL: " : "-WARNING: ") +
                                field(fields, n, "MESSAGE"));
    }
    return default_writer ? default_writer(level, fields, n, data) : 0;
}

}  // namespace

GtkComplaints::GtkComplaints() {
    static bool installed = false;
    if (!installed) {
        // wxGTK has GLib loaded: its absence is a broken test set-up, not a pass.
        auto set = reinterpret_cast<SetWriter>(dlsym(RTLD_DEFAULT, "g_log_set_writer_func"));
        default_writer = reinterpret_cast<Writer>(dlsym(RTLD_DEFAULT, "g_log_writer_default"));
        REQUIRE(set);
        REQUIRE(default_writer);
        set(write, nullptr, nullptr);
        installed = true;
    }
    current = this;
}

GtkComplaints::~GtkComplaints() {
    if (current == this) current = nullptr;
}

std::string GtkComplaints::all() const {
    std::string out;
    for (const auto& s : seen) out += s + "\n";
    return out;
}

}  // namespace ys::gui::test
