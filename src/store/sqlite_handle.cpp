#include "sqlite_handle.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <sqlite3.h>

#include "diagnostics.h"
#include "io/platform.h"

namespace ys::store {
namespace {

struct PathKind {
    bool exists = false;
    bool directory = false;
};

// As stat(): links followed; a path that cannot be looked at counts as not there.
PathKind path_kind(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(platform::path_from_utf8(path), ec);
    PathKind k;
    k.exists = !ec && fs::exists(st);
    k.directory = k.exists && fs::is_directory(st);
    return k;
}

}  // namespace

StoreError::StoreError(Kind kind, const std::string& message) : std::runtime_error(printable(message)), kind_(kind) {}

Connection Connection::open(const std::string& path, bool create, int busy_timeout_ms) {
    const PathKind kind = path_kind(path);
    if (kind.directory) throw StoreError(StoreError::Kind::Io, path + ": is a directory, not a database file");
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (!kind.exists) {
        if (!create) throw StoreError(StoreError::Kind::NotFound, path + ": no such database");
#ifdef _WIN32
        // No mode bits: SQLite makes it, in a folder of the user's own (%APPDATA% by default).
        flags |= SQLITE_OPEN_CREATE;
#else
        // Create it ourselves so it is readable by its owner only from the first byte.
        int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            throw StoreError(StoreError::Kind::Io, path + ": cannot create: " + std::strerror(errno));
        if (fd >= 0) ::close(fd);
#endif
    }
    Connection c;
    c.path_ = path;
    // SQLite takes UTF-8 file names on every system (wide APIs on Windows).
    int rc = sqlite3_open_v2(path.c_str(), &c.db_, flags, nullptr);
    if (rc != SQLITE_OK) c.fail(rc, "cannot open");
    sqlite3_extended_result_codes(c.db_, 1);
    sqlite3_busy_timeout(c.db_, busy_timeout_ms);
    return c;
}

Connection Connection::open_read_only(const std::string& path, bool immutable, int busy_timeout_ms) {
    const PathKind kind = path_kind(path);
    if (!kind.exists) throw StoreError(StoreError::Kind::NotFound, path + ": no such database");
    if (kind.directory) throw StoreError(StoreError::Kind::Io, path + ": is a directory, not a database file");
    // A URI, for its mode and immutable parameters: '?', '#' and '%' in the path are escaped.
    std::string uri = "file:";
    for (char ch : path) {
        if (ch == '?' || ch == '#' || ch == '%') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(ch));
            uri += buf;
        } else {
            uri += ch;
        }
    }
    uri += immutable ? "?mode=ro&immutable=1" : "?mode=ro";
    Connection c;
    c.path_ = path;
    int rc = sqlite3_open_v2(uri.c_str(), &c.db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) c.fail(rc, "cannot open");
    sqlite3_extended_result_codes(c.db_, 1);
    sqlite3_busy_timeout(c.db_, busy_timeout_ms);
    return c;
}

Connection::~Connection() {
    if (db_) sqlite3_close_v2(db_);
}

Connection::Connection(Connection&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = other.db_;
        path_ = std::move(other.path_);
        other.db_ = nullptr;
    }
    return *this;
}

void Connection::fail(int rc, const std::string& context) const {
    std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    int primary = rc & 0xFF;
    StoreError::Kind kind = StoreError::Kind::Other;
    std::string message = path_ + ": " + context + ": " + detail;
    switch (primary) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            kind = StoreError::Kind::Busy;
            message = path_ + ": the database is busy (another program is writing to it); try again";
            break;
        case SQLITE_NOTADB:
            kind = StoreError::Kind::NotYardstick;
            message = path_ + ": not a Yardstick database (not an SQLite file at all); left untouched";
            break;
        case SQLITE_CORRUPT:
            kind = StoreError::Kind::Corrupt;
            message = path_ + ": the database file is damaged (" + detail + "); left untouched";
            break;
        case SQLITE_CONSTRAINT: kind = StoreError::Kind::Constraint; break;
        case SQLITE_READONLY:
            kind = StoreError::Kind::Io;
            message = path_ + ": the database can only be read here (the file or its folder is read-only); nothing was "
                              "changed. Copy it to a folder you can write to, or ask for write access";
            break;
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_PERM: kind = StoreError::Kind::Io; break;
        default: break;
    }
    throw StoreError(kind, message);
}

void Connection::exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc, "a database command failed");
}

Statement Connection::prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &s, nullptr);
    if (rc != SQLITE_OK) fail(rc, "cannot prepare \"" + sql.substr(0, 60) + "\"");
    return Statement(*this, s);
}

std::int64_t Connection::scalar_int(const std::string& sql) {
    Statement s = prepare(sql);
    return s.step() ? s.integer(0) : 0;
}

std::int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Connection::changes() const { return sqlite3_changes(db_); }

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : conn_(other.conn_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int index, const std::string& value) {
    int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) conn_->fail(rc, "cannot bind a value");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) conn_->fail(rc, "cannot bind a value");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) conn_->fail(rc, "cannot bind a value");
    return *this;
}

Statement& Statement::bind_null(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) conn_->fail(rc, "cannot bind a value");
    return *this;
}

Statement& Statement::bind_optional(int index, const std::string& value) {
    return value.empty() ? bind_null(index) : bind(index, value);
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    conn_->fail(rc, "cannot complete a statement");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const unsigned char* t = sqlite3_column_text(stmt_, column);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int column) const {
    const char* n = sqlite3_column_name(stmt_, column);
    return n ? n : "";
}

int Statement::column_type(int column) const { return sqlite3_column_type(stmt_, column); }

Transaction::Transaction(Connection& c, bool immediate) : conn_(c) {
    // Inside another transaction this one is a savepoint, so operations compose.
    nested_ = sqlite3_get_autocommit(conn_.raw()) == 0;
    conn_.exec(nested_ ? "SAVEPOINT ys_nested" : immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (done_) return;
    if (nested_) {
        sqlite3_exec(conn_.raw(), "ROLLBACK TO ys_nested", nullptr, nullptr, nullptr);
        sqlite3_exec(conn_.raw(), "RELEASE ys_nested", nullptr, nullptr, nullptr);
    } else {
        sqlite3_exec(conn_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    conn_.exec(nested_ ? "RELEASE ys_nested" : "COMMIT");
    done_ = true;
}

}  // namespace ys::store
