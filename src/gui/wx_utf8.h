#pragma once
// The one place where the core's UTF-8 std::string meets wxString. The GUI is built with
// wxNO_IMPLICIT_WXSTRING_ENCODING, so a narrow string can become a wxString only here
// (or through wxASCII_STR / _() for ASCII literals): no locale ever guesses an encoding.
#include <string>

#include <wx/string.h>
#include <wx/translation.h>

// User-visible text is written in UTF-8 in our sources ("New round\u2026"). wx's own _()
// reads its argument as ASCII when implicit encodings are off, so ours reads UTF-8.
#undef _
#define _(s) wxGetTranslation(wxString::FromUTF8(s))

namespace ys::gui {

// UTF-8 (from the core, the store, files) to wxString.
inline wxString wxs(const std::string& utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }
inline wxString wxs(const char* utf8) { return wxString::FromUTF8(utf8 ? utf8 : ""); }

// wxString (from a control, a file dialog) to UTF-8 for the core and the store.
inline std::string u8(const wxString& s) { return s.utf8_string(); }

// A file name from a dialog for the core, which takes paths as UTF-8 and hands them to the
// system through io/platform.h (wide APIs on Windows, where wxString is UTF-16 and this is
// its exact UTF-8; on Linux file names are bytes, which the core treats as UTF-8).
inline std::string path_u8(const wxString& s) { return s.utf8_string(); }

}  // namespace ys::gui
