#pragma once
// A notebook page showing one organisation. Pages read what they show only when they are
// seen: selecting an organisation marks them stale, and the visible one refreshes.
#include "wx_utf8.h"
#include <string>

#include <wx/panel.h>
#include <wx/scrolwin.h>

#include "host.h"

namespace ys::gui {

// A page scrolls up and down when the window is shorter than its content's minimum (charts
// keep a readable size) and stretches its content when the window is larger.
class Page : public wxScrolled<wxPanel> {
public:
    Page(wxWindow* parent, Host& host, const wxString& name)
        : wxScrolled<wxPanel>(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL | wxVSCROLL, name),
          host_(host) {
        SetScrollRate(0, FromDIP(10));
    }
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
    // Never wider than the page shows (rows of buttons and controls wrap, text wraps, list
    // columns give way): only the height scrolls. The sizers' one-line widths would otherwise
    // widen the page and nothing would ever wrap.
    wxSize DoGetBestSize() const override {
        wxSize best = wxScrolled<wxPanel>::DoGetBestSize();
        const int shown = GetClientSize().GetWidth();
        if (shown > 0 && best.GetWidth() > shown) best.SetWidth(shown);
        return best;
    }

    Host& host_;
    std::string org_;
    bool stale_ = true;
};

}  // namespace ys::gui
