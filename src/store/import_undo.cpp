#include "import_undo.h"

#include <algorithm>
#include <map>

#include "organisations.h"
#include "store_errors.h"

namespace ys::store {
namespace {

// A round's rows as text, sorted, without the ids SQLite picks for itself (a restore gives
// respondents, invitations and action items new ones) and without the score summary (a
// cache): two copies of the same round read the same.
std::string fingerprint(const RoundSnapshot& s) {
    std::map<std::int64_t, std::string> keys;  // respondent id -> key
    for (const auto& t : s.tables) {
        if (t.table != "respondent") continue;
        int id = -1, key = -1;
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            if (t.columns[i] == "id") id = static_cast<int>(i);
            if (t.columns[i] == "key") key = static_cast<int>(i);
        }
        if (id >= 0 && key >= 0)
            for (const auto& row : t.rows) keys[row[static_cast<std::size_t>(id)].integer] = row[static_cast<std::size_t>(key)].text;
    }
    std::vector<std::string> lines;
    for (const auto& t : s.tables) {
        if (t.table == "round_summary") continue;
        for (const auto& row : t.rows) {
            std::string line = t.table;
            for (std::size_t i = 0; i < row.size(); ++i) {
                const std::string& col = t.columns[i];
                if (col == "id" && t.table != "round") continue;
                const StoredValue& v = row[i];
                line += "|" + col + "=";
                if (col == "respondent_id") line += keys[v.integer];
                else if (v.kind == StoredValue::Kind::Integer) line += std::to_string(v.integer);
                else if (v.kind == StoredValue::Kind::Real) line += std::to_string(v.real);
                else if (v.kind == StoredValue::Kind::Text) line += "'" + v.text;
                else line += "null";
            }
            lines.push_back(std::move(line));
        }
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

bool round_exists(Connection& c, const std::string& id) {
    Statement s = c.prepare("SELECT 1 FROM round WHERE id = ?");
    s.bind(1, id);
    return s.step();
}

// Refuses unless every round in `expected` is there exactly as copied.
void require_as(Connection& c, const std::vector<RoundSnapshot>& expected, const std::string& doing) {
    for (const auto& r : expected) {
        if (!round_exists(c, r.record.id) || fingerprint(snapshot_round(c, r.record.id)) != fingerprint(r))
            throw StoreError(StoreError::Kind::Invalid, "round \"" + r.record.id + "\" (period " + r.record.period +
                                                            ") has changed since; " + doing +
                                                            " would lose that change, so nothing was changed");
    }
}

// Replaces each round with its copy (deleting it where it is not in `to`), rounds in `gone` deleted.
void put_rounds(Connection& c, const std::vector<RoundSnapshot>& from, const std::vector<RoundSnapshot>& to) {
    for (const auto& r : from)
        if (round_exists(c, r.record.id)) delete_round(c, r.record.id);
    for (const auto& r : to) restore_round(c, r);
}

}  // namespace

ViewBefore::ViewBefore(const std::string& path) : c(open_database(path, OpenOptions{false, 5000})), read(c, false) {
    // A deferred transaction takes its view at its first read: now, before the import writes.
    c.scalar_int("SELECT count(*) FROM round");
}

bool import_is_undoable(const ImportReport& report) {
    return report.ok() && report.bundles == 0 && report.organisations_placed.empty();
}

ImportUndo record_import(Connection& before, Connection& after, const ImportReport& report) {
    ImportUndo u;
    u.rounds_created = report.rounds_created;
    auto created = [&](const std::string& id) {
        return std::find(report.rounds_created.begin(), report.rounds_created.end(), id) != report.rounds_created.end();
    };
    // Each round once (a long CSV names a round on every row it writes).
    std::vector<std::string> written;
    for (const auto* list : {&report.rounds_touched, &report.rounds_created})
        for (const auto& id : *list)
            if (std::find(written.begin(), written.end(), id) == written.end()) written.push_back(id);
    for (const auto& id : written) {
        if (!created(id)) u.before.push_back(snapshot_round(before, id));
        u.after.push_back(snapshot_round(after, id));
    }
    for (const auto& id : report.organisations_created)
        if (auto o = find_organisation(after, id)) u.organisations_created.push_back(*o);
    return u;
}

void undo_import(Connection& c, const ImportUndo& u) {
    Transaction t(c);
    require_as(c, u.after, "undoing the import");
    put_rounds(c, u.after, u.before);
    // Newest first: one made under another made by the same import goes before its parent.
    for (auto o = u.organisations_created.rbegin(); o != u.organisations_created.rend(); ++o) {
        if (!find_organisation(c, o->id)) continue;
        OrganisationSnapshot gone = delete_organisation(c, o->id);
        // Given something since (a round, a target, a scenario): that is kept, and so is it.
        if (!gone.rounds.empty() || gone.targets > 0 || gone.scenarios > 0)
            throw StoreError(StoreError::Kind::Invalid, "organisation \"" + o->id + "\" (" + o->name +
                                                            ") has been given rounds, targets or scenarios since the import; "
                                                            "undoing the import would lose them, so nothing was changed");
    }
    t.commit();
}

void redo_import(Connection& c, const ImportUndo& u) {
    Transaction t(c);
    for (const auto& r : u.rounds_created)
        if (round_exists(c, r))
            throw StoreError(StoreError::Kind::Invalid, "round \"" + r + "\" exists again, made after the import was undone; nothing was changed");
    require_as(c, u.before, "importing again");
    for (const auto& o : u.organisations_created) add_organisation(c, o);
    put_rounds(c, u.before, u.after);
    t.commit();
}

}  // namespace ys::store
