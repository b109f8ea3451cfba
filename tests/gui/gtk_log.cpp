#include "gtk_log.h"

#include <dlfcn.h>

#include <catch2/catch.hpp>

namespace ys::gui::test {

namespace {

// GLib's declarations (glib/gmessages.h), stable since GLib 2.0.
using LogFunc = void (*)(const char* domain, int level, const char* message, void* data);
using SetHandler = unsigned (*)(const char* domain, int levels, LogFunc f, void* data);
using RemoveHandler = void (*)(const char* domain, unsigned id);
constexpr int kFlagRecursion = 1 << 0, kFlagFatal = 1 << 1, kCritical = 1 << 3, kWarning = 1 << 4;

// The domains GTK's widgets and their drawing log in; nullptr is the default domain.
const char* const kDomains[] = {"Gtk", "Gdk", "GLib-GObject", "GLib", "Pango", nullptr};

void caught(const char* domain, int level, const char* message, void* data) {
    auto* seen = static_cast<std::vector<std::string>*>(data);
    std::string line = domain ? domain : "(app)";
    line += (level & kCritical) ? "-CRITICAL: " : "-WARNING: ";
    line += message ? message : "";
    seen->push_back(line);
}

template <typename F>
F glib(const char* name) {
    void* p = dlsym(RTLD_DEFAULT, name);
    INFO(name);
    REQUIRE(p);  // wxGTK has GLib loaded: its absence is a broken test set-up, not a pass
    return reinterpret_cast<F>(p);
}

}  // namespace

GtkComplaints::GtkComplaints() {
    auto set = glib<SetHandler>("g_log_set_handler");
    for (const char* d : kDomains)
        handlers_.emplace_back(d, set(d, kCritical | kWarning | kFlagFatal | kFlagRecursion, caught, &seen));
}

GtkComplaints::~GtkComplaints() {
    auto remove = reinterpret_cast<RemoveHandler>(dlsym(RTLD_DEFAULT, "g_log_remove_handler"));
    if (!remove) return;
    for (const auto& [d, id] : handlers_) remove(d, id);
}

std::string GtkComplaints::all() const {
    std::string out;
    for (const auto& s : seen) out += s + "\n";
    return out;
}

}  // namespace ys::gui::test
