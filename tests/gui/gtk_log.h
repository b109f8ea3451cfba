#pragma once
// GTK's own complaints (g_critical, g_warning) caught while alive, so that a test fails when
// the application makes GTK print "gtk_widget_get_preferred_width_for_height: assertion ...
// failed" or "Negative content width" on the console. GLib is reached through the process's
// own symbols (wxGTK has loaded it): the tests need no GLib headers to build.
#include <string>
#include <vector>

namespace ys::gui::test {

class GtkComplaints {
public:
    GtkComplaints();   // FAILs the test when GLib's logging cannot be reached
    ~GtkComplaints();  // messages are only printed again
    GtkComplaints(const GtkComplaints&) = delete;
    GtkComplaints& operator=(const GtkComplaints&) = delete;
    // "Gtk-CRITICAL: gtk_widget_...", one a message, in the order printed.
    std::vector<std::string> seen;
    std::string all() const;
};

}  // namespace ys::gui::test
