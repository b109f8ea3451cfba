// Help > About: who made Yardstick, its version and, honestly, its licence (none chosen
// yet, as packaging/linux/copyright says), the libraries it is built with and theirs, and a
// button to the user guide. wx's generic About dialog, because the native GTK one cannot
// hold a button of ours.
#include "help.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/generic/aboutdlgg.h>
#include <wx/stattext.h>

#include "main_frame.h"

namespace ys::gui {
namespace {

class AboutDialog : public wxGenericAboutDialog {
public:
    explicit AboutDialog(Help& help) : help_(help) {}

protected:
    void DoAddCustomControls() override {
        auto* guide = new wxButton(this, wxID_ANY, _("Open the &user guide"));
        guide->SetName(_("Open the user guide"));
        guide->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { help_.show("index.html"); });
        AddControl(guide);
    }

private:
    Help& help_;
};

}  // namespace

void show_about(MainFrame& frame, Help& help) {
    wxAboutDialogInfo info;
    info.SetName(wxS("Yardstick"));
    info.SetVersion(wxS(YARDSTICK_VERSION));
    info.SetDescription(_("Data maturity assessments, benchmarking and costed resourcing roadmaps for UK councils.\n"
                          "Licence: none chosen yet (details below); the frameworks are CC BY 4.0.\n"
                          "Press F1 anywhere for the user guide."));
#ifdef __WXMSW__
    info.SetIcon(wxIcon(wxS("AppIcon"), wxBITMAP_TYPE_ICO_RESOURCE, 64, 64));  // packaging/windows/yardstick.rc
#else
    // The themed icon the package installs (share/icons/hicolor); none when run from a build.
    if (wxIcon icon = wxArtProvider::GetIcon(wxS("yardstick"), wxASCII_STR(wxART_OTHER), wxSize(64, 64)); icon.IsOk()) info.SetIcon(icon);
#endif
    info.SetCopyright(_("\u00a9 2026 Yardstick developers"));
    info.SetLicence(
        _("Licence: none chosen yet. No licence has been granted for this program; ask the copyright holders "
          "before copying, changing or distributing it.\n"
          "The frameworks and questionnaires shipped with it are under Creative Commons Attribution 4.0 "
          "(CC BY 4.0).\n\n"
          "Built with:\n"
          "  wxWidgets: wxWindows Library Licence\n"
          "  SQLite: public domain\n"
          "  libharu (PDF): zlib/libpng licence\n"
          "  libxlsxwriter (workbooks): BSD 2-clause licence\n"
          "  nlohmann/json: MIT licence\n"
          "  zlib: zlib licence; libpng: PNG Reference Library licence\n"
          "  DejaVu fonts (in reports): Bitstream Vera and public domain"));
    AboutDialog dlg(help);
    dlg.Create(info, &frame);
    dlg.SetName(_("About Yardstick"));
    dlg.ShowModal();
}

}  // namespace ys::gui
