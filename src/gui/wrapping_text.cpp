#include "wrapping_text.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <wx/scrolwin.h>

namespace ys::gui {

WrappingText::WrappingText(wxWindow* parent, const wxString& text, const wxString& name)
    : wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0, name), text_(text) {
    // Narrow enough never to widen the page; the height follows the wrapped lines.
    SetMinSize(wxSize(FromDIP(160), -1));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (e.GetSize().GetWidth() != wrapped_at_) CallAfter([this] { rewrap(); });
    });
}

void WrappingText::set_text(const wxString& text) {
    text_ = text;
    wrapped_at_ = -1;
    rewrap();
}

void WrappingText::rewrap() {
    const int width = GetSize().GetWidth();
    if (width <= 0 || width == wrapped_at_) return;
    wrapped_at_ = width;
    const int lines_before = GetBestSize().GetHeight();
    SetLabel(text_);
    Wrap(width);
    InvalidateBestSize();
    // More or fewer lines: the page lays itself out again around the new height.
    // Inside a panel of the page, each window up to the page (the nearest scrolled one).
    if (GetBestSize().GetHeight() == lines_before) return;
    for (wxWindow* p = GetParent(); p && !p->IsTopLevel(); p = p->GetParent()) {
        p->InvalidateBestSize();
        if (dynamic_cast<wxScrollHelper*>(p)) {
            p->FitInside();  // a scrolled page's scrolled height
            p->Layout();
            break;
        }
        p->Layout();
    }
}

}  // namespace ys::gui
