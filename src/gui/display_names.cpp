#include "display_names.h"

#include <cctype>

#include "catalogue.h"
#include "rounds.h"
#include "wx_utf8.h"

namespace ys::gui {

wxString readable_id(const std::string& id) {
    std::string s;
    for (char ch : id) s += (ch == '-' || ch == '_') ? ' ' : ch;
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return wxs(s);
}

wxString organisation_type_name(const std::string& type) {
    if (type == "region") return _("Region");
    if (type == "london-borough") return _("London borough");
    if (type == "metropolitan-district") return _("Metropolitan district");
    if (type == "county") return _("County");
    if (type == "unitary") return _("Unitary authority");
    if (type == "district") return _("District");
    if (type == "department") return _("Department");
    if (type == "other") return _("Other");
    return readable_id(type);
}

wxString questionnaire_name(const Catalogue& catalogue, const std::string& id, const std::string& version) {
    auto q = catalogue.questionnaire(id, version);
    if (!q && !version.empty()) q = catalogue.questionnaire(id);
    if (q && !q->title.empty()) return wxs(q->title);
    return readable_id(id);
}

wxString questionnaire_name_version(const Catalogue& catalogue, const std::string& id, const std::string& version) {
    wxString name = questionnaire_name(catalogue, id, version);
    if (version.empty()) return name;
    return name + wxS(" ") + wxs(version);  // short enough for a list's column
}

wxString period_name(const std::string& p) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (from + n > p.size()) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(p[i]))) return false;
        return true;
    };
    // "2026-27" or "2026/27": the second year follows the first.
    if (p.size() == 7 && digits(0, 4) && (p[4] == '-' || p[4] == '/') && digits(5, 2)) {
        int first = std::stoi(p.substr(0, 4));
        if ((first + 1) % 100 == std::stoi(p.substr(5, 2))) return wxs(p.substr(0, 4) + "/" + p.substr(5, 2));
    }
    // "2026-2027" or "2026/2027".
    if (p.size() == 9 && digits(0, 4) && (p[4] == '-' || p[4] == '/') && digits(5, 4)) {
        int first = std::stoi(p.substr(0, 4));
        if (first + 1 == std::stoi(p.substr(5, 4))) return wxs(p.substr(0, 4) + "/" + p.substr(7, 2));
    }
    return wxs(p);
}

wxString round_name(const Catalogue& catalogue, const store::RoundRecord& r) {
    return period_name(r.period) + wxS(" \u2013 ") + questionnaire_name(catalogue, r.questionnaire_id, r.questionnaire_version);
}

wxString problems_found(std::size_t n) {
    if (n == 1) return _("1 problem was found; nothing was written.");
    return wxString::Format(_("%zu problems were found; nothing was written."), n);
}

wxString count_text(long long n, const wxString& singular, const wxString& plural) {
    return wxString::Format(wxS("%lld "), n) + (n == 1 ? singular : plural);
}

}  // namespace ys::gui
