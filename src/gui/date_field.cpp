#include "date_field.h"

#include <algorithm>

#include <wx/arrstr.h>
#include <wx/calctrl.h>

#include "targets.h"
#include "wx_utf8.h"

namespace ys::gui {

namespace {

// The drop-down: a month calendar; a day chosen becomes the text.
class CalendarPopup : public wxComboPopup {
public:
    bool Create(wxWindow* parent) override {
        cal_ = new wxCalendarCtrl(parent, wxID_ANY, wxDateTime::Today(), wxDefaultPosition, wxDefaultSize,
                                  wxCAL_MONDAY_FIRST | wxCAL_SHOW_HOLIDAYS | wxCAL_SEQUENTIAL_MONTH_SELECTION);
        cal_->Bind(wxEVT_CALENDAR_DOUBLECLICKED, [this](wxCalendarEvent&) { choose(); });
        // A click on a day (not on the month arrows) ends the choice.
        cal_->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
            e.Skip();
            wxDateTime d;
            if (cal_->HitTest(e.GetPosition(), &d) == wxCAL_HITTEST_DAY) cal_->CallAfter([this] { choose(); });
        });
        cal_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
            if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) choose();
            else e.Skip();
        });
        return true;
    }
    wxWindow* GetControl() override { return cal_; }
    void SetStringValue(const wxString& s) override {
        if (auto iso = iso_from_uk(s); iso && !iso->empty()) {
            wxDateTime d;
            if (d.ParseISODate(wxs(*iso))) cal_->SetDate(d);
        }
    }
    wxString GetStringValue() const override { return cal_->GetDate().Format(wxS("%d/%m/%Y")); }
    wxSize GetAdjustedSize(int min_width, int, int) override {
        wxSize best = cal_->GetBestSize();
        return wxSize(std::max(min_width, best.x), best.y);
    }

private:
    void choose() {
        // SetValue (not the popup's own text) sends wxEVT_TEXT, so the form checks again.
        wxComboCtrl* combo = GetComboCtrl();
        Dismiss();
        combo->SetValue(GetStringValue());
    }
    wxCalendarCtrl* cal_ = nullptr;
};

bool digits(const wxString& s) {
    if (s.empty()) return false;
    for (auto c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

wxString uk_date(const std::string& iso) {
    if (!is_iso_date(iso)) return wxs(iso);
    return wxs(iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4));
}

std::optional<std::string> iso_from_uk(const wxString& text) {
    wxString s = wxString(text).Strip(wxString::both);
    if (s.empty()) return std::string();
    if (is_iso_date(u8(s))) return u8(s);
    for (wxChar sep : {wxChar('/'), wxChar('-'), wxChar('.')}) {
        wxArrayString parts = wxSplit(s, sep, 0);
        if (parts.size() != 3 || !digits(parts[0]) || !digits(parts[1]) || !digits(parts[2])) continue;
        if (parts[0].length() > 2 || parts[1].length() > 2 || parts[2].length() != 4) return std::nullopt;
        wxString iso = parts[2] + wxS("-") + parts[1].Pad(2 - parts[1].length(), '0', false) + wxS("-") +
                       parts[0].Pad(2 - parts[0].length(), '0', false);
        if (is_iso_date(u8(iso))) return u8(iso);
        return std::nullopt;
    }
    return std::nullopt;
}

DateField::DateField(wxWindow* parent, const std::string& iso)
    : wxComboCtrl(parent, wxID_ANY, uk_date(iso), wxDefaultPosition, wxDefaultSize) {
    SetPopupControl(new CalendarPopup);
    SetHint(_("dd/mm/yyyy"));
}

std::optional<std::string> DateField::iso() const { return iso_from_uk(GetValue()); }

void DateField::set_iso(const std::string& iso) { SetValue(uk_date(iso)); }

wxString DateField::problem(const wxString& field, bool optional) const {
    auto d = iso();
    if (!d)
        return wxString::Format(_("%s: \u201c%s\u201d is not a date; type it as dd/mm/yyyy, such as 31/03/2027, or pick it "
                                  "from the calendar."),
                                field, wxString(GetValue()).Strip(wxString::both));
    if (d->empty() && !optional) return wxString::Format(_("%s: type a date as dd/mm/yyyy, or pick it from the calendar."), field);
    return {};
}

}  // namespace ys::gui
