#include "import_summary.h"

#include "wx_utf8.h"  // first: the UTF-8 _()
#include "display_names.h"

#include <filesystem>

namespace ys::gui {

wxString import_summary(const store::ImportReport& r) {
    auto n = [](std::size_t k) { return static_cast<long long>(k); };
    wxString s = wxString::Format(_("Imported %s (%zu changed, %zu unchanged) and %s, into %s."),
                                  count_text(n(r.counts.respondents_added), _("new respondent"), _("new respondents")),
                                  r.counts.respondents_updated, r.counts.respondents_unchanged,
                                  count_text(n(r.counts.answers_written), _("answer"), _("answers")),
                                  count_text(n(r.rounds_touched.size()), _("round"), _("rounds")));
    // Returned forms: the same person's answers saved again replace or are skipped.
    std::size_t replaced = 0, skipped = 0, same = 0;
    for (const auto& n : r.returns) {
        if (n.kind == store::ReturnNote::Kind::Replaced) ++replaced;
        else if (n.kind == store::ReturnNote::Kind::Same) ++same;
        else ++skipped;
    }
    if (replaced) s += wxS(" ") + wxString::Format(_("Returned forms that replaced the same people's earlier answers: %zu."), replaced);
    if (skipped) s += wxS(" ") + wxString::Format(_("Returned forms skipped, as newer answers of the same people are kept: %zu."), skipped);
    if (same) s += wxS(" ") + wxString::Format(_("Returned forms imported before (nothing changed): %zu."), same);
    return s;
}

std::vector<std::string> import_lines(const store::ImportReport& r) {
    std::vector<std::string> lines;
    // Each returned form replaced or skipped, by its file's name (the store's words say whose).
    for (const auto& n : r.returns)
        lines.push_back(std::filesystem::u8path(n.file).filename().u8string() + ": " + n.message);
    for (const auto& org : r.organisations_created) lines.push_back("added organisation " + org);
    for (const auto& round : r.rounds_created) lines.push_back("started round " + round);
    for (const auto& m : r.organisations_placed)
        lines.push_back("bundle organisation " + m.bundle_id + " -> " + m.local_id + " (" + m.how + ")");
    return lines;
}

wxString diagnostics_text(const Diagnostics& d, std::size_t max_lines) {
    wxString out;
    std::size_t n = 0;
    for (const auto& item : d.items()) {
        if (n++ == max_lines) {
            out += wxString::Format(_("\u2026 and %zu more"), d.items().size() - max_lines);
            break;
        }
        out += wxs(to_string(item)) + wxS("\n");
    }
    return out;
}

}  // namespace ys::gui
