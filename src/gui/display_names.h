#pragma once
// What users see instead of the ids the store keeps: "London borough", not "london-borough";
// "Council data maturity: full assessment", not "council-full"; financial years as 2026/27;
// counts with the right plural ("1 respondent", "2 respondents").
#include <cstddef>
#include <string>

#include <wx/string.h>

namespace ys {
class Catalogue;
}
namespace ys::store {
struct RoundRecord;
}

namespace ys::gui {

// An organisation type in words ("metropolitan-district" -> "Metropolitan district"); one
// not known is made readable the same way.
wxString organisation_type_name(const std::string& type);

// A questionnaire's title from the catalogue (that version, else any version of it); when
// the catalogue lacks it, its id made readable ("council-full" -> "Council full").
wxString questionnaire_name(const Catalogue& catalogue, const std::string& id, const std::string& version = {});
// The same with its version: "Council data maturity: full assessment 1.0".
wxString questionnaire_name_version(const Catalogue& catalogue, const std::string& id, const std::string& version);

// A period as people say it: a financial year stored as "2026-27" or "2026-2027" reads
// "2026/27"; anything else (a calendar year "2026", a quarter "2026-Q1") as stored.
wxString period_name(const std::string& period);

// "2026/27 – Council data maturity: full assessment": how a round is named in lists and combos.
wxString round_name(const Catalogue& catalogue, const store::RoundRecord& round);

// "1 respondent", "0 respondents", "2 respondents".
wxString count_text(long long n, const wxString& singular, const wxString& plural);

// "1 problem was found; nothing was written." / "3 problems were found; nothing was written."
wxString problems_found(std::size_t n);

// An id written for machines made readable: "in-progress" -> "In progress".
wxString readable_id(const std::string& id);

}  // namespace ys::gui
