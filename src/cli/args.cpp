#include "args.h"

#include "text_check.h"

namespace ys::cli {

std::string ParsedArgs::value(const std::string& name, const std::string& fallback) const {
    auto it = options.find(name);
    return it == options.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::values(const std::string& name) const {
    auto it = options.find(name);
    return it == options.end() ? std::vector<std::string>{} : it->second;
}

bool parse_args(const std::vector<std::string>& args, const std::vector<OptionSpec>& spec, ParsedArgs& out,
                std::string& error) {
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (options_done || a.size() < 2 || a[0] != '-' || a == "-") {
            out.positional.push_back(a);
            continue;
        }
        if (a == "--") {
            options_done = true;
            continue;
        }
        if (a == "-h") {
            out.options["help"].push_back("");
            continue;
        }
        if (a.rfind("--", 0) != 0) {
            error = "unknown option \"" + a + "\" (options start with --)";
            return false;
        }
        std::string name = a.substr(2), value;
        bool inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inline_value = true;
        }
        const OptionSpec* s = nullptr;
        for (const auto& o : spec)
            if (o.name == name) s = &o;
        if (!s && name != "help") {
            error = "unknown option \"--" + name + "\"; see --help";
            return false;
        }
        if (s && s->takes_value) {
            if (!inline_value) {
                if (i + 1 >= args.size()) {
                    error = "option \"--" + name + "\" needs a value (" + s->value_name + ")";
                    return false;
                }
                value = args[++i];
            }
        } else if (inline_value) {
            error = "option \"--" + name + "\" takes no value";
            return false;
        }
        out.options[name].push_back(value);
    }
    // Every text the program takes in is UTF-8: refused here, before any of it is stored.
    for (const auto& [name, values] : out.options)
        for (const auto& v : values)
            if (std::string p = utf8_problem("the value of --" + name, v); !p.empty()) return error = p, false;
    for (std::size_t i = 0; i < out.positional.size(); ++i)
        if (std::string p = utf8_problem("argument " + std::to_string(i + 1) + " (" + escape_for_terminal(out.positional[i]) + ")",
                                         out.positional[i]);
            !p.empty())
            return error = p, false;
    return true;
}

std::string argument_text_problem(const ParsedArgs& args, std::initializer_list<ArgField> fields) {
    for (const auto& f : fields) {
        if (f.option.rfind('#', 0) == 0) {
            std::size_t i = std::stoul(f.option.substr(1)) - 1;
            if (i < args.positional.size())
                if (std::string p = text_problem(f.field, args.positional[i]); !p.empty()) return p;
            continue;
        }
        for (const auto& v : args.values(f.option))
            if (std::string p = text_problem(f.field, v); !p.empty()) return "--" + f.option + ": " + p;
    }
    return {};
}

std::string options_help(const std::vector<OptionSpec>& spec) {
    std::string out;
    for (const auto& o : spec) {
        std::string left = "  --" + o.name + (o.takes_value ? " " + o.value_name : "");
        if (left.size() < 28) left += std::string(28 - left.size(), ' ');
        else left += "  ";
        out += left + o.help + "\n";
    }
    return out;
}

}  // namespace ys::cli
