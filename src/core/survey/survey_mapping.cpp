#include <map>
#include <string>

#include "json_fields.h"
#include "json_read.h"
#include "survey_import.h"

namespace ys {

std::optional<SurveyMapping> parse_survey_mapping(const nlohmann::json& doc, Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    JsonAt root(&doc, "", diags);
    if (!root.expect_object()) return std::nullopt;
    root.check_keys({"format", "questionnaire", "columns", "respondent", "roles", "options", "date_order"});
    auto format = root.string("format", Need::Required);
    if (format && *format != kSurveyMappingFormat) {
        root["format"].error("expected \"" + std::string(kSurveyMappingFormat) + "\", found \"" + *format + "\"");
        return std::nullopt;
    }
    SurveyMapping m;
    m.source = diags.file();
    m.questionnaire = root.id("questionnaire", Need::Optional).value_or("");

    // An object of text -> id, whose keys must differ once normalised.
    auto text_to_id = [](const JsonAt& obj, std::map<std::string, std::string>& out, bool header) {
        if (!obj.present() || !obj.expect_object()) return;
        std::map<std::string, std::string> seen;  // normalised -> key
        for (auto it = obj.json().begin(); it != obj.json().end(); ++it) {
            const std::string& key = it.key();
            std::string n = header ? normalise_header(key) : normalise_answer_text(key);
            if (n.empty()) {
                obj[key].error(header ? "empty header text; expected the text of a column's header"
                                      : "empty answer text; expected the text of an answer");
                continue;
            }
            auto [at, fresh] = seen.emplace(n, key);
            if (!fresh) {
                obj[key].error("\"" + key + "\" is the same as \"" + at->second + "\" once case" +
                               (header ? ", spaces, numbering and a trailing ?, : or *" : " and spaces") +
                               " are ignored; expected each once");
                continue;
            }
            if (auto id = obj.id(key, Need::Required)) out[key] = *id;
        }
    };
    text_to_id(root["columns"], m.columns, true);
    text_to_id(root["roles"], m.roles, false);

    JsonAt r = root["respondent"];
    if (r.present() && r.expect_object()) {
        r.check_keys({"id", "role", "name", "email", "submitted"});
        m.respondent.id = r.string("id", Need::Optional).value_or("");
        m.respondent.role = r.string("role", Need::Optional).value_or("");
        m.respondent.name = r.string("name", Need::Optional).value_or("");
        m.respondent.email = r.string("email", Need::Optional).value_or("");
        m.respondent.submitted = r.string("submitted", Need::Optional).value_or("");
        for (const char* k : {"id", "role", "name", "email", "submitted"})
            if (r[k].present() && r[k].json().is_string() && normalise_header(r[k].json().get<std::string>()).empty())
                r[k].error("expected the text of a column's header, found an empty string");
    }

    JsonAt opts = root["options"];
    if (opts.present() && opts.expect_object()) {
        for (auto it = opts.json().begin(); it != opts.json().end(); ++it) {
            if (!is_valid_id(it.key())) {
                opts[it.key()].error("\"" + it.key() + "\" is not a valid question id; expected lower case letters, "
                                     "digits, '-', '_' or '.'");
                continue;
            }
            text_to_id(opts[it.key()], m.options[it.key()], false);
        }
    }

    if (auto order = root.string("date_order", Need::Optional)) {
        if (*order == "dmy") m.date_order = DateOrder::DayMonthYear;
        else if (*order == "mdy") m.date_order = DateOrder::MonthDayYear;
        else root["date_order"].error("expected \"dmy\" (day/month/year) or \"mdy\" (month/day/year), found \"" +
                                      *order + "\"");
    }
    if (diags.error_count() != before) return std::nullopt;
    return m;
}

}  // namespace ys
