#include "invitations.h"

#include <fstream>
#include <map>

#include "csv.h"
#include "input_limits.h"
#include "rounds.h"
#include "store_errors.h"
#include "text_check.h"
#include "io/platform.h"

namespace ys::store {
namespace {

std::string trim(const std::string& s) {
    const char* ws = " \t";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

// An invitation list holds a few thousand people at most; a file far larger is not one.
constexpr std::uint64_t kMaxInvitationFileBytes = 16u << 20;
constexpr std::size_t kMaxInvitations = 100'000;

struct Columns {
    std::size_t name = npos, email = npos, role = npos, department = npos;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

std::string cell(const std::vector<std::string>& fields, std::size_t col) {
    if (col == Columns::npos || col >= fields.size()) return "";
    std::string v = trim(fields[col]);
    csv_restore_in_place(v);  // Yardstick's own pending list comes back as it was written
    return v;
}

std::string csv_where(const CsvReader& csv) {
    return "row " + std::to_string(csv.error_record()) + " (line " + std::to_string(csv.error_line()) + ", column " +
           std::to_string(csv.error_column()) + ")";
}

}  // namespace

std::string email_key(const std::string& s) {
    std::string k = s;
    for (char& ch : k)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return k;
}

bool is_plausible_email(const std::string& s) {
    auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
    const std::string domain = s.substr(at + 1);
    auto dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 >= domain.size() || domain.find("..") != std::string::npos)
        return false;
    for (unsigned char ch : s)
        if (ch <= ' ' || ch == 0x7f || ch == ',' || ch == ';' || ch == '<' || ch == '>' || ch == '"') return false;
    return true;
}

InviteReport import_invitations(Connection& c, const InviteRequest& request) {
    InviteReport report;
    report.diagnostics = Diagnostics(request.csv_file);
    Diagnostics& d = report.diagnostics;
    RoundRecord round = get_round(c, request.round);  // NotFound names the round
    require_open_round(c, round.id, "its invitation list cannot change");
    auto fw = load_framework(c, round.framework_hash);
    auto q = load_questionnaire(c, round.questionnaire_hash, *fw);

    if (std::string why = file_size_problem(request.csv_file, kMaxInvitationFileBytes); !why.empty()) {
        d.error("", why);
        return report;
    }
    std::ifstream in(platform::path_from_utf8(request.csv_file), std::ios::binary);
    if (!in) {
        d.error("", "cannot open the file; check its name and that you may read it");
        return report;
    }
    CsvLimits limits;
    limits.max_total_bytes = kMaxInvitationFileBytes;
    CsvReader csv(in, limits);
    std::vector<std::string> fields;
    if (!csv.next(fields)) {
        if (!csv.error().empty()) d.error(csv_where(csv), csv.error_reason());
        else d.error("row 1", "the file is empty; expected a header row with the columns name, email, role, department");
        return report;
    }
    Columns col;
    std::vector<std::string> headers;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string h = email_key(trim(fields[i]));
        headers.push_back(trim(fields[i]));
        std::size_t* slot = h == "name" ? &col.name
                            : (h == "email" || h == "e-mail") ? &col.email
                            : h == "role" ? &col.role
                            : h == "department" ? &col.department
                            : nullptr;
        if (!slot) continue;  // other columns are the user's own, and ignored
        if (*slot != Columns::npos) {
            d.error("row 1, column " + std::to_string(i + 1), "the column \"" + headers.back() + "\" is given twice (also column " +
                                                                 std::to_string(*slot + 1) + "); keep one");
            continue;
        }
        *slot = i;
    }
    if (col.email == Columns::npos) {
        d.error("row 1", "no email column; expected a header row with the columns name, email, role, department "
                         "(in any order; other columns are ignored)");
        return report;
    }
    auto where = [&](std::size_t row, std::size_t column) {
        return "row " + std::to_string(row) + ", column " + std::to_string(column + 1) + " (" + headers[column] + ")";
    };
    std::string role_list;
    for (const auto& r : q->roles) role_list += (role_list.empty() ? "" : ", ") + r.id + " (" + r.name + ")";

    std::vector<Invitation> people;
    std::map<std::string, std::size_t> seen;  // email key -> row
    while (csv.next(fields)) {
        const std::size_t row = csv.record();
        bool blank = true;
        for (const auto& f : fields) blank = blank && trim(f).empty();
        if (blank) continue;
        if (people.size() >= kMaxInvitations) {
            d.error("row " + std::to_string(row), "more than " + std::to_string(kMaxInvitations) +
                                                      " people; split the list by department");
            break;
        }
        Invitation inv{cell(fields, col.name), cell(fields, col.email), cell(fields, col.role), cell(fields, col.department)};
        bool ok = true;
        auto check = [&](std::size_t column, TextField f, const std::string& text) {
            if (column == Columns::npos) return;
            if (std::string p = text_problem(f, text); !p.empty()) {
                d.error(where(row, column), p);
                ok = false;
            }
        };
        check(col.name, TextField::RespondentName, inv.name);
        check(col.department, TextField::RespondentName, inv.department);
        if (inv.email.empty()) {
            d.error(where(row, col.email), "no email; every person invited needs one (it is how returns are matched)");
            ok = false;
        } else if (std::string p = text_problem(TextField::RespondentEmail, inv.email); !p.empty()) {
            d.error(where(row, col.email), p);
            ok = false;
        } else if (!is_plausible_email(inv.email)) {
            d.error(where(row, col.email), "\"" + inv.email + "\" is not an email address; expected one such as "
                                           "ann.smith@council.gov.uk");
            ok = false;
        } else if (auto [at, added] = seen.emplace(email_key(inv.email), row); !added) {
            d.error(where(row, col.email), inv.email + " is already on row " + std::to_string(at->second) +
                                               "; give each person once");
            ok = false;
        }
        if (!inv.role.empty()) {
            int found = q->find_role(inv.role);
            for (std::size_t i = 0; found < 0 && i < q->roles.size(); ++i)
                if (email_key(q->roles[i].name) == email_key(inv.role)) found = static_cast<int>(i);
            if (found < 0) {
                d.error(where(row, col.role), "\"" + inv.role + "\" is not a role of questionnaire \"" + q->id +
                                                  "\"; expected one of: " + role_list + ", or nothing");
                ok = false;
            } else {
                inv.role = q->roles[static_cast<std::size_t>(found)].id;
            }
        }
        if (ok) people.push_back(std::move(inv));
    }
    if (!csv.error().empty()) d.error(csv_where(csv), csv.error_reason());
    report.rows = people.size();
    if (d.has_errors()) return report;

    Transaction t(c);
    require_open_round(c, round.id, "its invitation list cannot change");  // again, under the write lock
    std::map<std::string, std::pair<std::int64_t, Invitation>> stored;  // email key -> (row id, invitation)
    {
        Statement s = c.prepare("SELECT id, name, email, role, department FROM invitation WHERE round_id = ?");
        s.bind(1, round.id);
        while (s.step())
            stored[email_key(s.text(2))] = {s.integer(0), Invitation{s.text(1), s.text(2), s.text(3), s.text(4)}};
    }
    Statement add = c.prepare(
        "INSERT INTO invitation (round_id, name, email, role, department, added_at) VALUES (?, ?, ?, ?, ?, ?)");
    Statement update = c.prepare("UPDATE invitation SET name = ?, email = ?, role = ?, department = ? WHERE id = ?");
    const std::int64_t now = now_seconds();
    for (const Invitation& p : people) {
        auto it = stored.find(email_key(p.email));
        if (it == stored.end()) {
            add.reset();
            add.bind(1, round.id).bind_optional(2, p.name).bind(3, p.email).bind_optional(4, p.role);
            add.bind_optional(5, p.department).bind(6, now);
            add.run();
            ++report.added;
            continue;
        }
        const Invitation& s = it->second.second;
        if (s.name == p.name && s.email == p.email && s.role == p.role && s.department == p.department) {
            ++report.unchanged;
            continue;
        }
        update.reset();
        update.bind_optional(1, p.name).bind(2, p.email).bind_optional(3, p.role).bind_optional(4, p.department);
        update.bind(5, it->second.first);
        update.run();
        ++report.updated;
    }
    if (!request.dry_run) t.commit();
    return report;
}

std::vector<Invitation> list_invitations(Connection& c, const std::string& round) {
    get_round(c, round);
    Statement s = c.prepare(
        "SELECT name, email, role, department, added_at FROM invitation WHERE round_id = ? "
        "ORDER BY name COLLATE NOCASE, email COLLATE NOCASE");
    s.bind(1, round);
    std::vector<Invitation> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4)});
    return out;
}

void remove_invitation(Connection& c, const std::string& round, const std::string& email) {
    Transaction t(c);
    get_round(c, round);
    require_open_round(c, round, "its invitation list cannot change");
    std::int64_t id = 0;
    {
        Statement s = c.prepare("SELECT id, email FROM invitation WHERE round_id = ?");
        s.bind(1, round);
        while (s.step())
            if (email_key(s.text(1)) == email_key(email)) id = s.integer(0);
    }
    if (!id) throw StoreError(StoreError::Kind::NotFound, email + " is not on the invitation list of round \"" + round + "\"");
    Statement del = c.prepare("DELETE FROM invitation WHERE id = ?");
    del.bind(1, id);
    del.run();
    t.commit();
}

}  // namespace ys::store
