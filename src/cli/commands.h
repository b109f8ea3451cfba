#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "catalogue.h"

namespace ys::cli {

struct Context {
    std::string executable;
    DataDirs dirs;
    std::ostream& out;
    std::ostream& err;
};

// Library directories from --library options, else the shipped and the user's.
std::vector<std::string> library_dirs(const Context& ctx, const std::vector<std::string>& given, bool no_default);

int cmd_validate(const Context& ctx, const std::vector<std::string>& args);
int cmd_frameworks(const Context& ctx, const std::vector<std::string>& args);
int cmd_score(const Context& ctx, const std::vector<std::string>& args);
int cmd_org(const Context& ctx, const std::vector<std::string>& args);
int cmd_group(const Context& ctx, const std::vector<std::string>& args);
int cmd_round(const Context& ctx, const std::vector<std::string>& args);
int cmd_respondent(const Context& ctx, const std::vector<std::string>& args);
int cmd_answer(const Context& ctx, const std::vector<std::string>& args);
int cmd_target(const Context& ctx, const std::vector<std::string>& args);
int cmd_db(const Context& ctx, const std::vector<std::string>& args);
int cmd_action(const Context& ctx, const std::vector<std::string>& args);
int cmd_benchmark(const Context& ctx, const std::vector<std::string>& args);
int cmd_roadmap(const Context& ctx, const std::vector<std::string>& args);
int cmd_scenario(const Context& ctx, const std::vector<std::string>& args);
int cmd_import(const Context& ctx, const std::vector<std::string>& args);
int cmd_export(const Context& ctx, const std::vector<std::string>& args);
int cmd_export_xlsx(const Context& ctx, const std::vector<std::string>& args);  // export --xlsx
int cmd_report(const Context& ctx, const std::vector<std::string>& args);
int cmd_form(const Context& ctx, const std::vector<std::string>& args);
int cmd_crosswalk(const Context& ctx, const std::vector<std::string>& args);
int cmd_skills(const Context& ctx, const std::vector<std::string>& args);

}  // namespace ys::cli
