#pragma once
// A static text that wraps its words to the width the sizer gives it (wxGTK's does not),
// and wraps again when that width changes. Add it with wxEXPAND.
#include <wx/stattext.h>

namespace ys::gui {

class WrappingText : public wxStaticText {
public:
    WrappingText(wxWindow* parent, const wxString& text, const wxString& name);
    // The text unwrapped (what tests and screen readers want); SetLabel's text is wrapped.
    void set_text(const wxString& text);
    const wxString& text() const { return text_; }

private:
    void rewrap();
    wxString text_;
    int wrapped_at_ = -1;
};

}  // namespace ys::gui
