#pragma once
// Problems found in input files, each one line: "FILE: WHERE: what was expected".
#include <string>
#include <vector>

namespace ys {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    std::string where;  // a JSON pointer ("/dimensions/3/id"), "line:column", or "row R, column C"
    std::string message;
};

// "FILE: WHERE: message", always one line of valid UTF-8 (control characters and
// invalid bytes from input files are escaped).
std::string to_string(const Diagnostic& d);
std::string printable(const std::string& s);

class Diagnostics {
public:
    explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

    void error(const std::string& where, const std::string& message);
    void warning(const std::string& where, const std::string& message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    const std::string& file() const { return file_; }
    void set_file(std::string file) { file_ = std::move(file); }
    const std::vector<Diagnostic>& items() const { return items_; }
    std::size_t error_count() const;
    bool has_errors() const { return error_count() > 0; }

private:
    std::string file_;
    std::vector<Diagnostic> items_;
};

}  // namespace ys
