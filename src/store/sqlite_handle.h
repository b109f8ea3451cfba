#pragma once
// Move-only RAII wrappers for SQLite's connection and statements, and a transaction
// guard that rolls back unless committed. Errors become StoreError with one line.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace ys::store {

class StoreError : public std::runtime_error {
public:
    enum class Kind { Busy, NotYardstick, Corrupt, TooNew, Io, Constraint, NotFound, Invalid, Other };
    // The message is kept to one printable line: it often quotes what a user typed.
    StoreError(Kind kind, const std::string& message);
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class Statement;

class Connection {
public:
    Connection() = default;
    // Opens an existing file or creates one (owner-only permissions) when create is true.
    static Connection open(const std::string& path, bool create, int busy_timeout_ms = 5000);
    // Opens an existing file for reading only. `immutable` also tells SQLite that nothing
    // changes it meanwhile, which lets a WAL database be read where its -shm cannot be made
    // (a read-only folder).
    static Connection open_read_only(const std::string& path, bool immutable, int busy_timeout_ms = 5000);
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(const std::string& sql);
    Statement prepare(const std::string& sql);
    std::int64_t scalar_int(const std::string& sql);
    std::int64_t last_insert_rowid() const;
    int changes() const;
    sqlite3* raw() const { return db_; }
    const std::string& path() const { return path_; }
    [[noreturn]] void fail(int rc, const std::string& context) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(Connection& c, sqlite3_stmt* s) : conn_(&c), stmt_(s) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, const char* value) { return bind(index, std::string(value)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind_null(int index);
    Statement& bind_optional(int index, const std::string& value);  // NULL when empty

    bool step();  // true while a row is available
    void run();   // steps to completion
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;
    // What a row holds, for copying rows whole (snapshots.cpp): how many columns, their
    // names, and each value's storage class (SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB, _NULL).
    int column_count() const;
    std::string column_name(int column) const;
    int column_type(int column) const;

private:
    Connection* conn_;
    sqlite3_stmt* stmt_;
};

// Rolls back unless commit() is called; never throws from its destructor. Nested inside
// another transaction it becomes a savepoint.
class Transaction {
public:
    explicit Transaction(Connection& c, bool immediate = true);
    ~Transaction();
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    Connection& conn_;
    bool done_ = false;
    bool nested_ = false;
};

}  // namespace ys::store
