#pragma once
// A date typed or picked from a calendar, shown the UK way (31/03/2027) whatever the
// system's locale. wxDatePickerCtrl shows dates in the locale's own form, which on a
// machine left in the C or US locale is 03/31/27; this control is the same pair (a text
// box and a drop-down calendar) with the format fixed. What is typed stays as typed; the
// form's check (field_check.h) says when it is not a date.
#include <optional>
#include <string>

#include <wx/combo.h>

namespace ys::gui {

class DateField : public wxComboCtrl {
public:
    // `iso` is "YYYY-MM-DD" or empty.
    DateField(wxWindow* parent, const std::string& iso);
    // "YYYY-MM-DD" for a real date typed or picked, "" for an empty field, nothing when the
    // text is not a date.
    std::optional<std::string> iso() const;
    // Empty when the text is fine (or empty and `optional`); else the reason, naming the field.
    wxString problem(const wxString& field, bool optional) const;
    void set_iso(const std::string& iso);
};

// "2027-03-31" -> "31/03/2027" (anything else unchanged).
wxString uk_date(const std::string& iso);
// "31/03/2027", "31/3/2027", "31-03-2027", "31.03.2027" or "2027-03-31" -> "2027-03-31";
// "" for empty text; nothing when it is not a real date.
std::optional<std::string> iso_from_uk(const wxString& text);

}  // namespace ys::gui
