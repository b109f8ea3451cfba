#include "forms.h"

#include "rounds.h"
#include "store_errors.h"
#include "text_guard.h"

namespace ys::store {

bool is_form_id(const std::string& s) {
    if (s.size() != 32) return false;
    for (char ch : s)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
    return true;
}

void record_form(Connection& c, const std::string& form_id, const std::string& round_id, std::int64_t created_at,
                 const std::string& note) {
    if (!is_form_id(form_id))
        invalid("form id \"" + form_id + "\" is not valid; expected 32 lower case hexadecimal characters");
    check_text({{TextField::Evidence, &note}});
    Transaction t(c);
    get_round(c, round_id);  // NotFound, naming the round, when it is not here
    if (find_form(c, form_id)) invalid("form \"" + form_id + "\" is already recorded; every form file gets an id of its own");
    Statement s = c.prepare("INSERT INTO form (id, round_id, created_at, note) VALUES (?, ?, ?, ?)");
    s.bind(1, form_id).bind(2, round_id).bind(3, created_at).bind_optional(4, note);
    s.run();
    t.commit();
}

std::optional<FormRecord> find_form(Connection& c, const std::string& form_id) {
    Statement s = c.prepare("SELECT id, round_id, created_at, note FROM form WHERE id = ?");
    s.bind(1, form_id);
    if (!s.step()) return std::nullopt;
    return FormRecord{s.text(0), s.text(1), s.integer(2), s.text(3)};
}

std::vector<FormRecord> list_forms(Connection& c, const std::string& round_id) {
    Statement s = c.prepare("SELECT id, round_id, created_at, note FROM form WHERE round_id = ? ORDER BY created_at, id");
    s.bind(1, round_id);
    std::vector<FormRecord> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.integer(2), s.text(3)});
    return out;
}

}  // namespace ys::store
