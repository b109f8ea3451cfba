#include "database.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <sys/stat.h>

#include "exit_codes.h"

namespace fs = std::filesystem;

namespace ys::store {
namespace {

// Migrations: entry i takes a database from version i to version i + 1.
const std::vector<const char*> kMigrations = {
    R"sql(
CREATE TABLE organisation (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('region','london-borough','metropolitan-district','county','unitary','district','department','other')),
  region TEXT,
  ons_code TEXT,
  parent_id TEXT REFERENCES organisation(id)
);
CREATE TABLE peer_group (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE peer_group_member (
  group_id TEXT NOT NULL REFERENCES peer_group(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, organisation_id)
) WITHOUT ROWID;
-- Frameworks and questionnaires kept by value, addressed by the hash of their content,
-- so a round scores the same after the files on disk change.
CREATE TABLE definition (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('framework','questionnaire')),
  def_id TEXT NOT NULL,
  version TEXT NOT NULL,
  content TEXT NOT NULL
);
CREATE TABLE round (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisation(id),
  framework_hash TEXT NOT NULL REFERENCES definition(hash),
  questionnaire_hash TEXT NOT NULL REFERENCES definition(hash),
  period TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft','open','closed')),
  created_at INTEGER NOT NULL
);
CREATE INDEX round_by_organisation ON round(organisation_id, period);
CREATE TABLE respondent (
  id INTEGER PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  role TEXT,
  name TEXT,
  email TEXT,
  UNIQUE (round_id, key)
);
CREATE TABLE answer (
  respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  -- Comparisons, not IN (...): SQLite builds a temporary index for an IN list on every insert.
  state TEXT NOT NULL CHECK (state = 'value' OR state = 'na' OR state = 'dont_know'),
  value TEXT,
  evidence TEXT,
  confidence REAL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (respondent_id, question_id)
) WITHOUT ROWID;
CREATE TABLE target (
  organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  framework_id TEXT NOT NULL,
  dimension_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  by_date TEXT,
  PRIMARY KEY (organisation_id, framework_id, dimension_id)
) WITHOUT ROWID;
CREATE TABLE action_item (
  id INTEGER PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
  action_id TEXT NOT NULL,
  dimension_id TEXT NOT NULL,
  owner TEXT,
  due_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('not-started','in-progress','done','dropped')),
  notes TEXT,
  UNIQUE (round_id, action_id)
);
-- Filled by the resourcing roadmap: a named scenario's inputs, as JSON.
CREATE TABLE roadmap_scenario (
  id INTEGER PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (organisation_id, name)
);
)sql",
    // v2: per-round score summaries, so a benchmark need not read every answer.
    R"sql(
CREATE TABLE round_summary (
  round_id TEXT PRIMARY KEY REFERENCES round(id) ON DELETE CASCADE,
  engine INTEGER NOT NULL,
  content TEXT NOT NULL,
  made_at INTEGER NOT NULL
);
)sql",
    // v3: where organisations and rounds came from, so that a bundle from another database
    // cannot take over one of ours (docs/bundle-format.md). The database's own origin is a
    // random 128-bit id made once, here; an origin of NULL means "made in this database",
    // so every existing row, and every row the other commands add, is this database's own.
    // origin_id is the id an organisation has in its origin when it differs from its id here.
    R"sql(
CREATE TABLE database_origin (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  origin TEXT NOT NULL CHECK (length(origin) = 32)
);
INSERT INTO database_origin (one, origin) VALUES (1, lower(hex(randomblob(16))));
ALTER TABLE organisation ADD COLUMN origin TEXT;
ALTER TABLE organisation ADD COLUMN origin_id TEXT;
ALTER TABLE round ADD COLUMN origin TEXT;
)sql",
};

std::string hex(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
    return buf;
}

}  // namespace

int exit_code_for(const StoreError& e) {
    switch (e.kind()) {
        case StoreError::Kind::Busy: return exit_code::database_busy;
        case StoreError::Kind::NotYardstick:
        case StoreError::Kind::Corrupt:
        case StoreError::Kind::TooNew: return exit_code::database_refused;
        case StoreError::Kind::Io: return exit_code::output_failed;
        default: return exit_code::invalid_input;
    }
}

std::string default_database_path() {
    fs::path dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) dir = fs::path(xdg) / "yardstick";
    else if (const char* home = std::getenv("HOME"); home && *home) dir = fs::path(home) / ".local" / "share" / "yardstick";
    else dir = fs::current_path();
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        fs::create_directories(dir, ec);
        ::chmod(dir.c_str(), 0700);
    }
    return (dir / "yardstick.db").string();
}

Connection open_database(const std::string& path, const OpenOptions& options, OpenReport* report) {
    OpenReport local;
    OpenReport& rep = report ? *report : local;
    Connection c = Connection::open(path, options.create, options.busy_timeout_ms);
    // Reading the header first: a file that is not SQLite fails here, before any write.
    std::int64_t app = c.scalar_int("PRAGMA application_id");
    std::int64_t version = c.scalar_int("PRAGMA user_version");
    std::int64_t objects = c.scalar_int("SELECT count(*) FROM sqlite_master");
    bool fresh = app == 0 && version == 0 && objects == 0;
    if (!fresh && app != kApplicationId)
        throw StoreError(StoreError::Kind::NotYardstick,
                         path + ": not a Yardstick database (an SQLite file with application_id " +
                             hex(static_cast<int>(app)) + "); left untouched");
    if (!fresh && version == 0)
        throw StoreError(StoreError::Kind::Corrupt,
                         path + ": marked as a Yardstick database but has no schema version; left untouched");
    if (version > kSchemaVersion)
        throw StoreError(StoreError::Kind::TooNew,
                         path + ": made by a newer Yardstick (schema version " + std::to_string(version) +
                             "; this one knows up to " + std::to_string(kSchemaVersion) + "); left untouched");
    c.exec("PRAGMA foreign_keys = ON");
    c.exec("PRAGMA journal_mode = WAL");
    c.exec("PRAGMA synchronous = FULL");
    if (version < kSchemaVersion) {
        if (!fresh) {
            // A copy first, so an upgrade can never cost the user their data.
            rep.backup_path = path + ".v" + std::to_string(version) + ".bak";
            std::error_code ec;
            fs::remove(rep.backup_path, ec);
            Statement s = c.prepare("VACUUM INTO ?");
            s.bind(1, rep.backup_path);
            s.run();
            rep.upgraded_from = static_cast<int>(version);
        }
        Transaction t(c);
        for (std::int64_t v = version; v < kSchemaVersion; ++v) c.exec(kMigrations[static_cast<std::size_t>(v)]);
        c.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        c.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        t.commit();
        rep.created = fresh;
    }
    return c;
}

}  // namespace ys::store
