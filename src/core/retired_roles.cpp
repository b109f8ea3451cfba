#include "retired_roles.h"

namespace ys {

std::vector<RetiredRole> read_retired_roles(const JsonAt& list, const Questionnaire& q) {
    std::vector<RetiredRole> out;
    if (!list.present() || !list.expect_array()) return out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonAt r = list[i];
        if (!r.expect_object()) continue;
        r.check_keys({"id", "replaced_by", "note"});
        RetiredRole role;
        role.id = r.id("id", Need::Required).value_or("");
        role.replaced_by = r.id("replaced_by", Need::Optional).value_or("");
        role.note = r.string("note", Need::Required).value_or("");
        if (!role.id.empty() && q.find_role(role.id) >= 0)
            r["id"].error("\"" + role.id + "\" is a respondent role of this version, so it cannot be retired");
        for (const auto& earlier : out)
            if (!role.id.empty() && earlier.id == role.id) r["id"].error("\"" + role.id + "\" is retired twice");
        if (!role.replaced_by.empty() && q.find_role(role.replaced_by) < 0)
            r["replaced_by"].error("expected a respondent role of this version, found \"" + role.replaced_by + "\"");
        out.push_back(std::move(role));
    }
    return out;
}

std::vector<RetiredRole> retired_roles_of(const nlohmann::json& questionnaire_doc, const Questionnaire& q) {
    Diagnostics d("questionnaire");
    JsonAt root(&questionnaire_doc, "", d);
    if (!questionnaire_doc.is_object()) return {};
    return read_retired_roles(root["retired_roles"], q);
}

}  // namespace ys
