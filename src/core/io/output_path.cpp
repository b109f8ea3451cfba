#include "output_path.h"

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace ys {
namespace {

// A path as the file system sees it: whether it exists (links followed) and where it
// resolves to. weakly_canonical resolves links in the part that exists, so two spellings
// of a file not yet made ("./a.csv", "dir/../a.csv", a linked folder) meet too.
struct Resolved {
    fs::path given;
    fs::path canonical;
    bool exists = false;
};

Resolved resolve(const std::string& path) {
    Resolved r;
    r.given = fs::u8path(path);
    std::error_code ec;
    r.exists = fs::exists(r.given, ec) && !ec;
    r.canonical = fs::weakly_canonical(r.given, ec);
    if (ec) {
        ec.clear();
        r.canonical = fs::absolute(r.given, ec).lexically_normal();
    }
    return r;
}

bool same_file(const Resolved& a, const Resolved& b) {
    if (a.exists && b.exists) {
        std::error_code ec;
        bool same = fs::equivalent(a.given, b.given, ec);
        if (!ec) return same;
    }
    return a.canonical == b.canonical;
}

std::string u8(const fs::path& p) { return p.u8string(); }

// What a name beside the database is to it: "" when it is not one of its files.
std::string database_part(const std::string& name, const std::string& db) {
    if (name == db) return "the database";
    if (name == db + "-wal") return "the database's write-ahead log";
    if (name == db + "-shm") return "the database's shared-memory file";
    if (name == db + "-journal") return "the database's rollback journal";
    // DB.bak, DB.v1.bak, DB.anything.bak
    const std::string bak = ".bak";
    if (name.size() >= db.size() + bak.size() && name.compare(0, db.size(), db) == 0 && name[db.size()] == '.' &&
        name.compare(name.size() - bak.size(), bak.size(), bak) == 0)
        return "a backup of the database";
    return {};
}

// The database's own files that `out` would replace: checked by name in the folders the
// database resolves to (its -wal may not exist yet), then by identity against the
// database's files that exist (a hard link elsewhere).
std::string database_clash(const Resolved& out, const std::string& database) {
    const Resolved db = resolve(database);
    std::vector<fs::path> homes = {db.canonical};
    std::error_code ec;
    fs::path spelled = fs::absolute(db.given, ec).lexically_normal();
    if (!ec && spelled != db.canonical) homes.push_back(spelled);  // a link to the database: its files sit beside both
    for (const auto& home : homes) {
        const std::string name = u8(home.filename());
        if (out.canonical.parent_path() == home.parent_path()) {
            std::string part = database_part(u8(out.canonical.filename()), name);
            if (!part.empty()) return part + " (" + u8(home.parent_path() / u8(out.canonical.filename())) + ")";
        }
        if (!out.exists) continue;
        for (fs::directory_iterator it(home.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
            const std::string entry = u8(it->path().filename());
            std::string part = database_part(entry, name);
            if (part.empty()) continue;
            std::error_code eq;
            if (fs::equivalent(out.given, it->path(), eq) && !eq) return part + " (" + u8(it->path()) + ")";
        }
        ec.clear();
    }
    return {};
}

std::string refusal_start(const LabelledPath& p) { return p.label + " " + p.path + ": "; }

}  // namespace

std::string output_kind_problem(const std::string& path) {
    if (path.empty()) return "is empty; give a file name";
    if (path.back() == '/' || path.back() == fs::path::preferred_separator)
        return "names a folder, not a file; give a file name inside it";
    std::error_code ec;
    fs::file_status st = fs::status(fs::u8path(path), ec);  // follows links: what a write would reach
    if (ec || !fs::exists(st)) return {};
    switch (st.type()) {
        case fs::file_type::regular: return {};
        case fs::file_type::directory: return "is a folder, not a file; give a file name inside it";
        case fs::file_type::fifo: return "is a named pipe (FIFO), not a regular file; Yardstick replaces only regular files, so give a file name";
        case fs::file_type::socket: return "is a socket, not a regular file; Yardstick replaces only regular files, so give a file name";
        case fs::file_type::character:
        case fs::file_type::block:
            return "is a device, not a regular file; Yardstick replaces only regular files, so give a file name";
        default: return "is not a regular file; Yardstick replaces only regular files, so give a file name";
    }
}

OutputCheck check_outputs(const OutputPlan& plan) {
    OutputCheck check;
    auto refuse = [&](OutputRefusal why, std::string message) {
        check.refusal = why;
        check.message = std::move(message);
        return check;
    };
    std::vector<Resolved> outs;
    for (const auto& o : plan.outputs) outs.push_back(resolve(o.path));
    for (std::size_t i = 0; i < plan.outputs.size(); ++i) {
        const LabelledPath& o = plan.outputs[i];
        const Resolved& out = outs[i];
        std::string kind = output_kind_problem(o.path);
        if (!kind.empty()) return refuse(OutputRefusal::not_a_file, refusal_start(o) + kind);
        if (!plan.database.empty()) {
            std::string part = database_clash(out, plan.database);
            if (!part.empty())
                return refuse(OutputRefusal::clash, refusal_start(o) + "is " + part +
                                                        "; writing there would destroy the data, so choose another file name");
        }
        for (const auto& in : plan.inputs) {
            if (in.path.empty()) continue;
            if (same_file(out, resolve(in.path)))
                return refuse(OutputRefusal::clash, refusal_start(o) + "is the same file as " + in.label + " " + in.path +
                                                        ", which this command reads; write the output to another file");
        }
        for (std::size_t j = 0; j < i; ++j)
            if (same_file(out, outs[j]))
                return refuse(OutputRefusal::clash, refusal_start(o) + "is the same file as " + plan.outputs[j].label + " " +
                                                        plan.outputs[j].path + "; give each output its own file");
    }
    return check;
}

}  // namespace ys
