#include "snapshots.h"

#include <map>

#include <sqlite3.h>

#include "round_summaries.h"
#include "store_errors.h"

namespace ys::store {

namespace {

// Every row of `table` matching `where` (its ? bound to `args` in order), every column.
StoredRows read_rows(Connection& c, const std::string& table, const std::string& where,
                     const std::vector<std::string>& args, const std::string& order) {
    StoredRows out;
    out.table = table;
    Statement s = c.prepare("SELECT * FROM " + table + " WHERE " + where + " ORDER BY " + order);
    for (std::size_t i = 0; i < args.size(); ++i) s.bind(static_cast<int>(i + 1), args[i]);
    bool first = true;
    while (s.step()) {
        if (first) {
            for (int i = 0; i < s.column_count(); ++i) out.columns.push_back(s.column_name(i));
            first = false;
        }
        std::vector<StoredValue> row;
        for (int i = 0; i < s.column_count(); ++i) {
            StoredValue v;
            switch (s.column_type(i)) {
            case SQLITE_INTEGER: v.kind = StoredValue::Kind::Integer; v.integer = s.integer(i); break;
            case SQLITE_FLOAT: v.kind = StoredValue::Kind::Real; v.real = s.real(i); break;
            case SQLITE_NULL: break;
            default: v.kind = StoredValue::Kind::Text; v.text = s.text(i); break;  // no table holds blobs
            }
            row.push_back(std::move(v));
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

int column_of(const StoredRows& r, const std::string& name) {
    for (std::size_t i = 0; i < r.columns.size(); ++i)
        if (r.columns[i] == name) return static_cast<int>(i);
    return -1;
}

using IdMap = std::map<std::int64_t, std::int64_t>;

// Puts rows back. `fresh_id` names an INTEGER PRIMARY KEY column left for SQLite to fill (an
// id freed by the delete may have been taken since); the old-to-new ids go into `ids`.
// `remap` names a column whose values are translated through `ids` (answers to their
// respondent's new id).
void insert_rows(Connection& c, const StoredRows& r, const std::string& fresh_id = {}, IdMap* ids = nullptr,
                 const std::string& remap = {}) {
    if (r.rows.empty()) return;
    const int skip = fresh_id.empty() ? -1 : column_of(r, fresh_id);
    const int mapped = remap.empty() ? -1 : column_of(r, remap);
    std::string cols, marks;
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
        if (static_cast<int>(i) == skip) continue;
        cols += (cols.empty() ? "" : ", ") + r.columns[i];
        marks += marks.empty() ? "?" : ", ?";
    }
    Statement s = c.prepare("INSERT INTO " + r.table + " (" + cols + ") VALUES (" + marks + ")");
    for (const auto& row : r.rows) {
        s.reset();
        int at = 1;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (static_cast<int>(i) == skip) continue;
            const StoredValue& v = row[i];
            switch (v.kind) {
            case StoredValue::Kind::Null: s.bind_null(at); break;
            case StoredValue::Kind::Integer: {
                std::int64_t n = v.integer;
                if (static_cast<int>(i) == mapped && ids) {
                    auto it = ids->find(n);
                    if (it != ids->end()) n = it->second;
                }
                s.bind(at, n);
                break;
            }
            case StoredValue::Kind::Real: s.bind(at, v.real); break;
            case StoredValue::Kind::Text: s.bind(at, v.text); break;
            }
            ++at;
        }
        s.run();
        if (skip >= 0 && ids) (*ids)[row[static_cast<std::size_t>(skip)].integer] = c.last_insert_rowid();
    }
}

// The tables that hold a round's rows, in the order they go back (parents first). A test
// checks that every table referring to round(id) is here.
const char* const kRoundTables[] = {"round",     "round_summary", "round_scope", "form",
                                    "invitation", "respondent",    "answer",      "action_item"};

void restore_round_rows(Connection& c, const RoundSnapshot& s) {
    IdMap respondents;
    for (const auto& t : s.tables) {
        if (t.table == "respondent") insert_rows(c, t, "id", &respondents);
        else if (t.table == "answer") insert_rows(c, t, {}, &respondents, "respondent_id");
        else if (t.table == "invitation" || t.table == "action_item") insert_rows(c, t, "id");
        else insert_rows(c, t);
    }
}

Statement bound(Connection& c, const std::string& sql, const std::vector<std::string>& args) {
    Statement s = c.prepare(sql);
    for (std::size_t i = 0; i < args.size(); ++i) s.bind(static_cast<int>(i + 1), args[i]);
    return s;
}

bool exists(Connection& c, const std::string& sql, const std::vector<std::string>& args) { return bound(c, sql, args).step(); }

void execute(Connection& c, const std::string& sql, const std::vector<std::string>& args) { bound(c, sql, args).run(); }

std::string org_name(const OrgRecord& o) { return o.name.empty() ? o.id : o.name; }

}  // namespace

RoundSnapshot snapshot_round(Connection& c, const std::string& id) {
    RoundSnapshot out;
    out.record = get_round(c, id);  // NotFound names the round
    const std::string of_respondents = "respondent_id IN (SELECT id FROM respondent WHERE round_id = ?)";
    for (const char* table : kRoundTables) {
        const std::string t = table;
        if (t == "round") out.tables.push_back(read_rows(c, t, "id = ?", {id}, "id"));
        else if (t == "answer") out.tables.push_back(read_rows(c, t, of_respondents, {id}, "respondent_id, question_id"));
        else out.tables.push_back(read_rows(c, t, "round_id = ?", {id}, "rowid"));
    }
    return out;
}

RoundSnapshot delete_round(Connection& c, const std::string& id) {
    Transaction t(c);
    RoundSnapshot out = snapshot_round(c, id);
    // Its respondents, answers, forms, invitations, action plan and summary go with it
    // (ON DELETE CASCADE), all of them in the copy.
    execute(c, "DELETE FROM round WHERE id = ?", {id});
    t.commit();
    return out;
}

void restore_round(Connection& c, const RoundSnapshot& s) {
    Transaction t(c);
    const RoundRecord& r = s.record;
    if (exists(c, "SELECT 1 FROM round WHERE id = ?", {r.id}))
        invalid("round \"" + r.id + "\" (period " + r.period + ") exists again, made after it was deleted; it was not put back");
    if (!find_organisation(c, r.organisation))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + r.organisation + "\" of round \"" + r.id +
                                                         "\" no longer exists; put the organisation back first");
    restore_round_rows(c, s);
    t.commit();
}

RespondentSnapshot delete_respondent(Connection& c, const std::string& round, const std::string& key) {
    Transaction t(c);
    get_round(c, round);  // NotFound names the round
    require_open_round(c, round, "its respondents cannot be deleted");
    RespondentSnapshot out;
    out.round = round;
    out.key = key;
    out.tables.push_back(read_rows(c, "respondent", "round_id = ? AND key = ?", {round, key}, "id"));
    if (out.tables[0].rows.empty())
        throw StoreError(StoreError::Kind::NotFound, "round \"" + round + "\" has no respondent \"" + key + "\"");
    const StoredRows& p = out.tables[0];
    auto text_of = [&](const char* col) {
        int i = column_of(p, col);
        return i < 0 ? std::string() : p.rows[0][static_cast<std::size_t>(i)].text;
    };
    out.name = text_of("name");
    out.role = text_of("role");
    out.tables.push_back(read_rows(c, "answer", "respondent_id IN (SELECT id FROM respondent WHERE round_id = ? AND key = ?)",
                                   {round, key}, "question_id"));
    out.answers = static_cast<std::int64_t>(out.tables[1].rows.size());
    execute(c, "DELETE FROM respondent WHERE round_id = ? AND key = ?", {round, key});
    clear_round_summary(c, round);  // respondents count, and a role's share of the scores
    t.commit();
    return out;
}

void restore_respondent(Connection& c, const RespondentSnapshot& s) {
    Transaction t(c);
    get_round(c, s.round);
    require_open_round(c, s.round, "respondent \"" + s.key + "\" cannot be put back");
    if (exists(c, "SELECT 1 FROM respondent WHERE round_id = ? AND key = ?", {s.round, s.key}))
        invalid("round \"" + s.round + "\" has a respondent \"" + s.key + "\" again, added after the delete; the deleted one was not put back");
    IdMap ids;
    insert_rows(c, s.tables.at(0), "id", &ids);
    insert_rows(c, s.tables.at(1), {}, &ids, "respondent_id");
    clear_round_summary(c, s.round);
    t.commit();
}

OrganisationSnapshot snapshot_organisation(Connection& c, const std::string& id) {
    OrganisationSnapshot out;
    auto org = find_organisation(c, id);
    if (!org) throw StoreError(StoreError::Kind::NotFound, "organisation \"" + id + "\" does not exist");
    out.record = *org;
    Statement kids = c.prepare("SELECT count(*) FROM organisation WHERE parent_id = ?");
    kids.bind(1, id);
    kids.step();
    if (auto n = kids.integer(0))
        invalid(org_name(*org) + " has " + std::to_string(n) + " organisation" + (n == 1 ? "" : "s") +
                " under it; move or delete them first");
    out.tables.push_back(read_rows(c, "organisation", "id = ?", {id}, "id"));
    out.tables.push_back(read_rows(c, "target", "organisation_id = ?", {id}, "framework_id, dimension_id"));
    out.tables.push_back(read_rows(c, "roadmap_scenario", "organisation_id = ?", {id}, "id"));
    out.tables.push_back(read_rows(c, "peer_group_member", "organisation_id = ?", {id}, "group_id"));
    out.targets = static_cast<std::int64_t>(out.tables[1].rows.size());
    out.scenarios = static_cast<std::int64_t>(out.tables[2].rows.size());
    for (const auto& r : list_rounds(c, id, true)) {
        out.rounds.push_back(snapshot_round(c, r.id));
        out.respondents += r.respondents;
        out.answers += r.answers;
    }
    return out;
}

OrganisationSnapshot delete_organisation(Connection& c, const std::string& id) {
    Transaction t(c);
    OrganisationSnapshot out = snapshot_organisation(c, id);
    execute(c, "DELETE FROM round WHERE organisation_id = ?", {id});
    // Targets, scenarios and peer-group places go with it (ON DELETE CASCADE), all in the copy.
    execute(c, "DELETE FROM organisation WHERE id = ?", {id});
    t.commit();
    return out;
}

void restore_organisation(Connection& c, const OrganisationSnapshot& s) {
    Transaction t(c);
    const OrgRecord& o = s.record;
    if (find_organisation(c, o.id))
        invalid("an organisation \"" + o.id + "\" exists again, added after the delete; " + org_name(o) + " was not put back");
    if (!o.parent.empty() && !find_organisation(c, o.parent))
        throw StoreError(StoreError::Kind::NotFound, "organisation \"" + o.parent + "\" that " + org_name(o) +
                                                         " was under no longer exists; put it back first");
    for (const auto& rows : s.tables) {
        if (rows.table == "roadmap_scenario") {
            insert_rows(c, rows, "id");
        } else if (rows.table == "peer_group_member") {
            StoredRows kept = rows;
            kept.rows.clear();
            int g = column_of(rows, "group_id");
            for (const auto& row : rows.rows)
                if (g >= 0 && exists(c, "SELECT 1 FROM peer_group WHERE id = ?", {row[static_cast<std::size_t>(g)].text}))
                    kept.rows.push_back(row);
            insert_rows(c, kept);
        } else {
            insert_rows(c, rows);
        }
    }
    for (const auto& r : s.rounds) {
        if (exists(c, "SELECT 1 FROM round WHERE id = ?", {r.record.id}))
            invalid("round \"" + r.record.id + "\" exists again, made after the delete; " + org_name(o) + " was not put back");
        restore_round_rows(c, r);
    }
    t.commit();
}

}  // namespace ys::store
