#pragma once
// A notebook page showing one organisation. Pages read what they show only when they are
// seen: selecting an organisation marks them stale, and the visible one refreshes.
#include "wx_utf8.h"
#include <string>

#include <wx/panel.h>

#include "host.h"

namespace ys::gui {

class Page : public wxPanel {
public:
    Page(wxWindow* parent, Host& host, const wxString& name) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                                                       wxTAB_TRAVERSAL, name), host_(host) {}
    void set_organisation(const std::string& org) {
        org_ = org;
        stale_ = true;
    }
    const std::string& organisation() const { return org_; }
    void mark_stale() { stale_ = true; }
    bool stale() const { return stale_; }
    void refresh_if_stale() {
        if (!stale_) return;
        stale_ = false;
        refresh();
    }
    virtual void refresh() = 0;

protected:
    Host& host_;
    std::string org_;
    bool stale_ = true;
};

}  // namespace ys::gui
