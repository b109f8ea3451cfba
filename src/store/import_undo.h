#pragma once
// An import undone as one step: what it created (organisations, rounds) goes, and every round
// it changed is put back as it was before, from a copy read through a connection whose read
// began before the import wrote (WAL keeps that view). Redo puts back what the import left.
// Both are refused, writing nothing, when a round is no longer as the other step left it
// (changed since by another program, or by hand): nothing newer is ever lost.
#include <string>
#include <vector>

#include "database.h"
#include "import_answers.h"
#include "snapshots.h"

namespace ys::store {

struct ImportUndo {
    std::vector<RoundSnapshot> before;  // rounds the import changed, as they were
    std::vector<RoundSnapshot> after;   // every round the import wrote, as it left them
    std::vector<OrgRecord> organisations_created;
    std::vector<std::string> rounds_created;
};

// The database as it is now, held while an import writes through another connection: the
// `before` of record_import. Open it before the import's transaction begins.
struct ViewBefore {
    explicit ViewBefore(const std::string& path);
    Connection c;
    Transaction read;  // never committed: only read
};

// Whether undo_import can take back this import: answer files, survey and long CSV write
// only organisations, rounds, respondents and answers. A bundle also merges peer groups,
// targets and where organisations sit, which a round's copy does not hold: not undoable.
bool import_is_undoable(const ImportReport& report);

// `before` is a connection whose read transaction began before the import's first write;
// `after` the one that wrote it (still inside its transaction, or after the commit).
ImportUndo record_import(Connection& before, Connection& after, const ImportReport& report);

// Each in one transaction. Refused (StoreError Invalid, one line naming the round) when a
// round differs from how the import left it (undo) or from how it was before (redo).
void undo_import(Connection& c, const ImportUndo& u);
void redo_import(Connection& c, const ImportUndo& u);

}  // namespace ys::store
