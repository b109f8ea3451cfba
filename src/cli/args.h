#pragma once
// A small command-line parser: "--name value", "--name=value", flags and positionals.
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "field_limits.h"

namespace ys::cli {

struct OptionSpec {
    std::string name;  // without the leading "--"
    bool takes_value = false;
    std::string value_name;
    std::string help;
};

struct ParsedArgs {
    std::map<std::string, std::vector<std::string>> options;
    std::vector<std::string> positional;

    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    std::vector<std::string> values(const std::string& name) const;
};

// Returns false with a one-line error for unknown options, a missing value, or an argument
// that is not valid UTF-8.
bool parse_args(const std::vector<std::string>& args, const std::vector<OptionSpec>& spec, ParsedArgs& out,
                std::string& error);

// Arguments that fill a text field, checked by that field's rule (text/field_limits.h), the
// same one the store and every import use. "" when all are fine; else one line naming the
// option ("--name: organisation name holds a control character ...").
struct ArgField {
    std::string option;  // "name" for --name, or "#1" for the first positional argument
    TextField field;
};
std::string argument_text_problem(const ParsedArgs& args, std::initializer_list<ArgField> fields);

std::string options_help(const std::vector<OptionSpec>& spec);

}  // namespace ys::cli
