#pragma once
// A small command-line parser: "--name value", "--name=value", flags and positionals.
#include <map>
#include <string>
#include <vector>

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

// Returns false with a one-line error for unknown options or a missing value.
bool parse_args(const std::vector<std::string>& args, const std::vector<OptionSpec>& spec, ParsedArgs& out,
                std::string& error);

std::string options_help(const std::vector<OptionSpec>& spec);

}  // namespace ys::cli
