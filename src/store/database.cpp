#include "database.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#ifdef _WIN32
#include <io.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "exit_codes.h"
#include "io/platform.h"

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
    // v4: offline forms and the answers they bring back, and a round's invitation list.
    // A form is recorded when its file is made; a respondent who returned one carries its
    // id and when they saved, so a later save of the same form replaces an earlier one.
    // respondent.form_id does not refer to form(id): a form made by another database (or
    // before this one recorded forms) may still come back here.
    R"sql(
CREATE TABLE form (
  id TEXT PRIMARY KEY CHECK (length(id) = 32),
  round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  note TEXT
);
CREATE INDEX form_by_round ON form(round_id);
ALTER TABLE respondent ADD COLUMN form_id TEXT;
ALTER TABLE respondent ADD COLUMN saved_at INTEGER;
-- Emails are unique per round whatever their case (NOCASE folds ASCII letters; the store
-- also compares them in lower case).
CREATE TABLE invitation (
  id INTEGER PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
  name TEXT,
  email TEXT NOT NULL,
  role TEXT,
  department TEXT,
  added_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX invitation_by_email ON invitation(round_id, email COLLATE NOCASE);
)sql",
    // v5: action items the council writes itself. Such an item has a title (a framework's
    // action has none: its name comes from the framework), an action_id "own-N" of the
    // store's choosing, and dimension_id '' when it belongs to no dimension (kept NOT NULL,
    // so the code that reads framework actions needs no change).
    R"sql(
ALTER TABLE action_item ADD COLUMN title TEXT;
)sql",
    // v6: a round's scope: dimensions declared out of scope for one round (a district council
    // has no children's services), left out of its scores, coverage, benchmarks and reports.
    // A rowid table, so that snapshots.cpp copies it like the other round tables.
    R"sql(
CREATE TABLE round_scope (
  round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
  dimension_id TEXT NOT NULL,
  PRIMARY KEY (round_id, dimension_id)
);
)sql",
    // v7: the tags of a skills round's respondent (docs/skills.md): the team they work in, the
    // role they are developing towards (a role catalogue id) and their age band, which says
    // which apprenticeships are funded for them. NULL when not given; checked by the store.
    R"sql(
ALTER TABLE respondent ADD COLUMN team TEXT;
ALTER TABLE respondent ADD COLUMN target_role TEXT;
ALTER TABLE respondent ADD COLUMN age_band TEXT;
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
    const std::string user = platform::user_data_dir();
    std::error_code ec;
    fs::path dir = user.empty() ? fs::current_path(ec) : platform::path_from_utf8(user);
    if (!fs::exists(dir, ec)) {
        fs::create_directories(dir, ec);
#ifndef _WIN32
        ::chmod(dir.c_str(), 0700);  // Windows: %APPDATA% is the user's own already
#endif
    }
    return platform::utf8_from_path(dir / "yardstick.db");
}

namespace {

struct Header {
    std::int64_t app = 0, version = 0, objects = 0;
    bool fresh() const { return app == 0 && version == 0 && objects == 0; }
};

// One read transaction: the three values from one snapshot, never half before and half after
// another program's commit of the schema.
Header read_header(Connection& c) {
    Transaction snapshot(c, false);
    Header h;
    h.app = c.scalar_int("PRAGMA application_id");
    h.version = c.scalar_int("PRAGMA user_version");
    h.objects = c.scalar_int("SELECT count(*) FROM sqlite_master");
    return h;
}

// Refuses files that are not ours, or too new; a fresh (empty) file is fine.
void check_header(const std::string& path, const Header& h) {
    if (!h.fresh() && h.app != kApplicationId)
        throw StoreError(StoreError::Kind::NotYardstick,
                         path + ": not a Yardstick database (an SQLite file with application_id " +
                             hex(static_cast<int>(h.app)) + "); left untouched");
    if (!h.fresh() && h.version == 0)
        throw StoreError(StoreError::Kind::Corrupt,
                         path + ": marked as a Yardstick database but has no schema version; left untouched");
    if (h.version > kSchemaVersion)
        throw StoreError(StoreError::Kind::TooNew,
                         path + ": made by a newer Yardstick (schema version " + std::to_string(h.version) +
                             "; this one knows up to " + std::to_string(kSchemaVersion) + "); left untouched");
}

// The file, or the folder SQLite makes its -wal and -shm in, cannot be written by us.
bool cannot_write(const std::string& path) {
    const fs::path file = platform::path_from_utf8(path);
    fs::path dir = file.parent_path();
    if (dir.empty()) dir = ".";
#ifdef _WIN32
    return ::_waccess(file.c_str(), 2) != 0 || ::_waccess(dir.c_str(), 2) != 0;  // 2: write
#else
    return ::access(file.c_str(), W_OK) != 0 || ::access(dir.c_str(), W_OK) != 0;
#endif
}

// A database holds people's names and answers: readable by its owner only.
// Windows has no mode bits: the database lives in the user's own %APPDATA% by default.
void tighten_permissions([[maybe_unused]] const std::string& path, [[maybe_unused]] OpenReport& rep) {
#ifndef _WIN32
    for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
        struct stat st {};
        if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) == 0) continue;
        if (::chmod(file.c_str(), 0600) != 0)
            rep.warnings.push_back(file + ": others can read this database file (mode " +
                                   std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
                                   std::to_string(st.st_mode & 7) + ") and it could not be made owner-only: " +
                                   std::strerror(errno) + "; run: chmod 600 " + file);
    }
#endif
}

Connection open_for_reading(const std::string& path, const OpenOptions& options, OpenReport& rep) {
    rep.read_only = true;
    {
        Connection c = Connection::open_read_only(path, false, options.busy_timeout_ms);
        try {
            Header h = read_header(c);
            check_header(path, h);
            return c;
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Io && e.kind() != StoreError::Kind::Other) throw;
            // A WAL database whose -shm cannot be made here: read it as it stands on disk.
        }
    }
    Connection c = Connection::open_read_only(path, true, options.busy_timeout_ms);
    check_header(path, read_header(c));
    std::error_code ec;
    if (fs::file_size(platform::path_from_utf8(path + "-wal"), ec) > 0 && !ec)
        rep.warnings.push_back(path + "-wal: changes not yet merged into the database cannot be read in a read-only "
                               "folder; open it once where it can be written to see them");
    return c;
}

}  // namespace

namespace {

// Switching a database into WAL takes an exclusive lock without SQLite's busy handler, so a
// program that meets another's lock (several opening one new database at once) is refused at
// once. It waits here instead, within the same busy timeout, as it would for any other lock.
void enter_wal(Connection& c, int busy_timeout_ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (int wait_ms = 1;; wait_ms = std::min(wait_ms * 2, 50)) {
        try {
            c.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Busy || std::chrono::steady_clock::now() >= until) throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    }
}

}  // namespace

Connection open_database(const std::string& path, const OpenOptions& options, OpenReport* report) {
    OpenReport local;
    OpenReport& rep = report ? *report : local;
    std::error_code ec;
    const fs::file_status st = fs::status(platform::path_from_utf8(path), ec);  // follows links, as stat
    const bool exists = !ec && fs::exists(st);
    Connection c;
    if (options.read_only || (exists && !fs::is_directory(st) && cannot_write(path))) {
        c = open_for_reading(path, options, rep);
        Header h = read_header(c);
        if (h.fresh())
            throw StoreError(StoreError::Kind::NotFound, path + ": an empty file, and read-only here: there is nothing to read");
        if (h.version < kSchemaVersion)
            throw StoreError(StoreError::Kind::Io, path + ": made by an older Yardstick (schema version " +
                                                       std::to_string(h.version) +
                                                       ") and read-only here, so it cannot be upgraded; open it once "
                                                       "where it can be written");
        c.exec("PRAGMA foreign_keys = ON");
        return c;
    }
    c = Connection::open(path, options.create, options.busy_timeout_ms);
    // Reading the header first: a file that is not SQLite fails here, before any write.
    Header h = read_header(c);
    check_header(path, h);
    tighten_permissions(path, rep);
    c.exec("PRAGMA foreign_keys = ON");
    enter_wal(c, options.busy_timeout_ms);
    c.exec("PRAGMA synchronous = FULL");
    tighten_permissions(path, rep);  // the -wal and -shm just made take the file's mode
    if (h.version < kSchemaVersion) {
        // A copy first, so an upgrade can never cost the user their data. It is made under a
        // name of this process's own and only put in place by the program that upgrades: two
        // programs upgrading at once cannot overwrite the old copy with an upgraded one.
        std::string copy;
        if (!h.fresh()) {
            copy = path + ".v" + std::to_string(h.version) + ".bak.tmp" + std::to_string(platform::process_id());
            std::error_code ec;
            fs::remove(platform::path_from_utf8(copy), ec);
            Statement s = c.prepare("VACUUM INTO ?");
            s.bind(1, copy);
            s.run();
#ifndef _WIN32
            ::chmod(copy.c_str(), 0600);
#endif
        }
        struct RemoveCopy {
            const std::string& file;
            ~RemoveCopy() {
                std::error_code ec;
                if (!file.empty()) fs::remove(platform::path_from_utf8(file), ec);
            }
        } remove_copy{copy};
        Transaction t(c);
        // Read again under the write lock: another program may have created or upgraded the
        // file since the first look, and its schema must not be made twice.
        Header now = read_header(c);
        check_header(path, now);
        if (now.version < kSchemaVersion) {
            if (!now.fresh()) {
                if (copy.empty() || now.version != h.version)
                    throw StoreError(StoreError::Kind::Busy, path + ": another program changed the database while it "
                                                                    "was being copied before an upgrade; try again");
                rep.backup_path = path + ".v" + std::to_string(now.version) + ".bak";
                std::error_code ec;
                fs::rename(platform::path_from_utf8(copy), platform::path_from_utf8(rep.backup_path), ec);
                if (ec)
                    throw StoreError(StoreError::Kind::Io, rep.backup_path + ": cannot keep the copy made before the "
                                                                             "upgrade: " + ec.message() + "; nothing was changed");
            }
            for (std::int64_t v = now.version; v < kSchemaVersion; ++v) c.exec(kMigrations[static_cast<std::size_t>(v)]);
            c.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            c.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
            t.commit();
            rep.created = now.fresh();
            if (!now.fresh()) rep.upgraded_from = static_cast<int>(now.version);
        }  // else another program did the work, and kept its own copy
    }
    return c;
}

}  // namespace ys::store
