// Commands over the database: org, group, round, respondent, answer, target, action, db.
#include <charconv>
#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "action_items.h"
#include "catalogue.h"
#include "cmd_respondent_tag.h"
#include "cmd_round_scope.h"
#include "cmd_round_status.h"
#include "exit_codes.h"
#include "import_targets.h"
#include "roadmap/money_text.h"
#include "json_read.h"
#include "org_tree.h"
#include "organisations.h"
#include "respondent_tagging.h"
#include "rounds.h"
#include "store_command.h"
#include "timestamps.h"

namespace ys::cli {
namespace {

using Sub = StoreSubcommand;

int dispatch(const Context& ctx, const std::string& command, const std::vector<Sub>& subs,
             const std::vector<std::string>& args) {
    return dispatch_subcommand(ctx, command, "", subs, args);
}

bool json_format(const Context& ctx, const ParsedArgs& p, const std::string& command, int& code) {
    std::string f = p.value("format", "table");
    if (f != "table" && f != "json") {
        ctx.err << "yardstick-cli " << command << ": --format must be table or json, not \"" << f << "\"\n";
        code = exit_code::usage;
    }
    return f == "json";
}

// Exit code 2 with one line when an argument breaks its field's rule (text/field_limits.h);
// 0 when all are fine. The store checks the same again for callers that did not.
int refuse_text(const Context& ctx, const std::string& command, const ParsedArgs& p, std::initializer_list<ArgField> fields) {
    std::string problem = argument_text_problem(p, fields);
    if (problem.empty()) return exit_code::ok;
    ctx.err << "yardstick-cli " << command << ": " << problem << "\n";
    return exit_code::invalid_input;
}

const OptionSpec kFormat{"format", true, "table|json", "output format (default table)"};

struct Documents {
    std::shared_ptr<const nlohmann::json> framework, questionnaire;
};

// A questionnaire from the libraries (newest version unless one is named) and its framework, as documents.
bool find_documents(const Context& ctx, const ParsedArgs& p, const std::string& command, const std::string& id,
                    const std::string& version, Documents& out) {
    Catalogue cat;
    for (const auto& d : library_dirs(ctx, p.values("library"), false)) cat.add_library(d, "library");
    cat.bind_all();
    auto q = cat.questionnaire(id, version);
    if (!q) {
        ctx.err << "yardstick-cli " << command << ": questionnaire \"" << id << "\"" << (version.empty() ? "" : " version " + version)
                << " was not found (or is invalid); see yardstick-cli frameworks\n";
        return false;
    }
    auto fw = cat.framework(q->framework_id);
    out.questionnaire = cat.document_of(q.get());
    out.framework = cat.document_of(fw.get());
    return out.questionnaire && out.framework;
}

}  // namespace

int cmd_org(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"add", "add ID --name NAME --type TYPE [--region R] [--ons CODE] [--parent ID]",
         "Adds an organisation: a region, a council, or a department within a council.",
         {{"name", true, "NAME", "its name"},
          {"type", true, "TYPE", "region, london-borough, metropolitan-district, county, unitary, district, department or other"},
          {"region", true, "REGION", "the region it is in, such as London"},
          {"ons", true, "CODE", "its ONS code (a capital letter and 8 digits)"},
          {"parent", true, "ID", "the organisation it belongs to"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (int code = refuse_text(ctx, "org add", p,
                                        {{"#1", TextField::OrganisationId}, {"name", TextField::OrganisationName},
                                         {"region", TextField::Region}, {"ons", TextField::OnsCode},
                                         {"parent", TextField::OrganisationId}}))
                 return code;
             store::add_organisation(c, {p.positional[0], p.value("name"), p.value("type"), p.value("region"),
                                         p.value("ons"), p.value("parent")});
             ctx.out << "added organisation " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
        {"list", "list [--format table|json]", "Lists organisations as a tree.", {kFormat}, 0,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             int code = exit_code::ok;
             bool json = json_format(ctx, p, "org list", code);
             if (code) return code;
             auto orgs = store::list_organisations(c);
             if (json) {
                 nlohmann::json list = nlohmann::json::array();
                 for (const auto& o : orgs)
                     list.push_back({{"id", o.id}, {"name", o.name}, {"type", o.type}, {"region", o.region},
                                     {"ons_code", o.ons_code}, {"parent", o.parent}});
                 ctx.out << nlohmann::json{{"organisations", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
                 return exit_code::ok;
             }
             std::vector<OrgLink> links;
             for (const auto& o : orgs) links.push_back({o.id, o.parent});
             OrgTree tree = walk_org_tree(links);
             auto line = [&](const store::OrgRecord& o, int indent) {
                 ctx.out << std::string(2 * static_cast<std::size_t>(indent), ' ') << o.id << "  " << o.name << "  [" << o.type
                         << (o.region.empty() ? "" : ", " + o.region) << (o.ons_code.empty() ? "" : ", " + o.ons_code)
                         << "]\n";
             };
             // Indents stop at the depth limit: a chain edited in by hand stays readable.
             for (const auto& row : tree.rows) line(orgs[row.index], std::min(row.level, kMaxOrganisationDepth) - 1);
             if (!tree.in_cycle.empty()) {
                 ctx.out << "(these organisations' parents form a loop; move one to the top with yardstick-cli org move ID --top)\n";
                 for (std::size_t i : tree.in_cycle) line(orgs[i], 1);
                 ctx.err << "warning: " << tree.in_cycle.size() << " organisation" << (tree.in_cycle.size() == 1 ? "" : "s")
                         << " sit on a loop of parents (listed last)\n";
             }
             if (tree.deeper_than_limit)
                 ctx.err << "warning: " << tree.deeper_than_limit << " organisation" << (tree.deeper_than_limit == 1 ? "" : "s")
                         << " sit deeper than the limit of " << kMaxOrganisationDepth
                         << " levels (shown at that depth); move them up with yardstick-cli org move\n";
             if (orgs.empty()) ctx.out << "(no organisations yet: yardstick-cli org add --help)\n";
             return exit_code::ok;
         }},
        {"edit", "edit ID [--name NAME] [--type TYPE] [--region R] [--ons CODE]", "Changes an organisation's details.",
         {{"name", true, "NAME", "new name"}, {"type", true, "TYPE", "new type"}, {"region", true, "REGION", "new region"},
          {"ons", true, "CODE", "new ONS code"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (int code = refuse_text(ctx, "org edit", p,
                                        {{"name", TextField::OrganisationName}, {"region", TextField::Region},
                                         {"ons", TextField::OnsCode}}))
                 return code;
             store::OrgEdit e;
             if (p.has("name")) e.name = p.value("name");
             if (p.has("type")) e.type = p.value("type");
             if (p.has("region")) e.region = p.value("region");
             if (p.has("ons")) e.ons_code = p.value("ons");
             store::edit_organisation(c, p.positional[0], e);
             ctx.out << "updated organisation " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
        {"move", "move ID (--parent ID | --top)", "Moves an organisation under another, or to the top.",
         {{"parent", true, "ID", "the new parent"}, {"top", false, "", "no parent"}}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (p.has("parent") == p.has("top")) {
                 ctx.err << "yardstick-cli org move: give exactly one of --parent ID or --top\n";
                 return exit_code::usage;
             }
             store::move_organisation(c, p.positional[0], p.value("parent"));
             ctx.out << "moved organisation " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
        {"remove", "remove ID", "Removes an organisation that has no rounds, no saved scenarios and nothing under it (a mistyped one).", {}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::remove_organisation(c, p.positional[0]);
             ctx.out << "removed organisation " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
    };
    return dispatch(ctx, "org", subs, args);
}

int cmd_group(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"add", "add ID --name NAME", "Adds a named peer group.", {{"name", true, "NAME", "its name"}}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (int code = refuse_text(ctx, "group add", p,
                                        {{"#1", TextField::PeerGroupId}, {"name", TextField::PeerGroupName}}))
                 return code;
             store::add_peer_group(c, p.positional[0], p.value("name"));
             ctx.out << "added peer group " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
        {"member", "member GROUP ORGANISATION", "Adds an organisation to a peer group.", {}, 2,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::add_peer_group_member(c, p.positional[0], p.positional[1]);
             ctx.out << "added " << p.positional[1] << " to " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
        {"list", "list", "Lists peer groups and their members.", {}, 0,
         [](const Context& ctx, const ParsedArgs&, store::Connection& c) {
             for (const auto& g : store::list_peer_groups(c)) {
                 ctx.out << g.id << "  " << g.name << " (" << g.members.size() << "):";
                 for (const auto& m : g.members) ctx.out << " " << m;
                 ctx.out << "\n";
             }
             return exit_code::ok;
         }},
    };
    return dispatch(ctx, "group", subs, args);
}

int cmd_round(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"new", "new --org ID --questionnaire ID[@VERSION] --period PERIOD [--status draft|open]",
         "Starts an assessment round. The questionnaire and its framework are copied into the database, so the\n"
         "round scores the same after the files change.",
         {{"org", true, "ID", "the organisation assessed"},
          {"questionnaire", true, "ID[@VERSION]", "a questionnaire from the libraries (latest version by default)"},
          {"period", true, "PERIOD", "such as 2026 or 2026-Q1"},
          {"status", true, "STATUS", "draft or open (default open)"},
          {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires"}},
         0,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (int code = refuse_text(ctx, "round new", p, {{"period", TextField::Period}})) return code;
             std::string qspec = p.value("questionnaire"), version;
             if (auto at = qspec.find('@'); at != std::string::npos) {
                 version = qspec.substr(at + 1);
                 qspec = qspec.substr(0, at);
             }
             if (p.value("org").empty() || qspec.empty() || p.value("period").empty()) {
                 ctx.err << "yardstick-cli round new: --org, --questionnaire and --period are all needed\n";
                 return exit_code::usage;
             }
             Documents docs;
             if (!find_documents(ctx, p, "round new", qspec, version, docs)) return exit_code::invalid_input;
             auto r = store::new_round(c, p.value("org"), p.value("period"), *docs.framework, *docs.questionnaire,
                                       p.value("status", "open"));
             ctx.out << r.id << "\n";
             return exit_code::ok;
         }},
        {"list", "list [--org ID] [--format table|json]", "Lists rounds with their status and counts.",
         {{"org", true, "ID", "only this organisation's rounds"}, kFormat}, 0,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             int code = exit_code::ok;
             bool json = json_format(ctx, p, "round list", code);
             if (code) return code;
             auto rounds = store::list_rounds(c, p.value("org"));
             if (json) {
                 nlohmann::json list = nlohmann::json::array();
                 for (const auto& r : rounds)
                     list.push_back({{"id", r.id}, {"organisation", r.organisation}, {"period", r.period}, {"status", r.status},
                                     {"questionnaire", r.questionnaire_id}, {"questionnaire_version", r.questionnaire_version},
                                     {"framework", r.framework_id}, {"framework_version", r.framework_version},
                                     {"respondents", r.respondents}, {"answers", r.answers},
                                     {"created", format_iso_datetime(r.created_at)}});
                 ctx.out << nlohmann::json{{"rounds", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
                 return exit_code::ok;
             }
             for (const auto& r : rounds)
                 ctx.out << r.id << "  " << r.status << "  " << r.questionnaire_id << " " << r.questionnaire_version << "  "
                         << r.respondents << " respondents, " << r.answers << " answers\n";
             if (rounds.empty()) ctx.out << "(no rounds)\n";
             return exit_code::ok;
         }},
        {"upgrade", "upgrade ROUND [--to VERSION] [--drop-retired]",
         "Re-scores a round against another version of its questionnaire (the newest in the libraries by\n"
         "default) and that version's framework. Refused, changing nothing, when a stored answer would not fit,\n"
         "or is to a question the new version retired (unless --drop-retired).",
         {{"to", true, "VERSION", "the questionnaire version to move to"},
          {"drop-retired", false, "", "leave behind the answers to questions the new version no longer asks"},
          {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::RoundRecord r = store::get_round(c, p.positional[0]);
             Documents docs;
             if (!find_documents(ctx, p, "round upgrade", r.questionnaire_id, p.value("to"), docs)) return exit_code::invalid_input;
             std::vector<store::RoleMove> roles;
             store::UpgradeReport report =
                 store::upgrade_round_roles(c, r.id, *docs.framework, *docs.questionnaire, p.has("drop-retired"), roles);
             store::RoundRecord now = store::get_round(c, r.id);
             ctx.out << r.id << ": questionnaire " << r.questionnaire_version << " -> " << now.questionnaire_version
                     << ", framework " << r.framework_version << " -> " << now.framework_version << "\n";
             if (report.dropped_answers) {
                 std::string list;
                 for (const auto& d : report.dropped_questions) list += (list.empty() ? "" : ", ") + d;
                 ctx.out << count_of(report.dropped_answers, "answer", "answers") << " to retired questions left behind ("
                         << list << ")\n";
             }
             for (const auto& m : roles) {
                 std::string who = count_of(m.respondents, "respondent", "respondents");
                 if (m.target_roles) who += ", " + count_of(m.target_roles, "target role", "target roles");
                 if (m.invitations) who += ", " + count_of(m.invitations, "invitation", "invitations");
                 if (m.to.empty())
                     ctx.out << "role \"" << m.from << "\" is not in version " << now.questionnaire_version
                             << " and no role clearly replaces it: left blank (" << who
                             << "); set each with: yardstick-cli respondent add " << r.id << " --key KEY --role ROLE --update"
                             << (m.note.empty() ? "" : " (" + m.note + ")") << "\n";
                 else
                     ctx.out << "role \"" << m.from << "\" is now \"" << m.to << "\" (" << who << ")\n";
             }
             return exit_code::ok;
         }},
        {"close", "close ROUND", "Closes a round: its answers can no longer change.", {}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::set_round_status(c, p.positional[0], "closed");
             ctx.out << "closed " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
        {"reopen", "reopen ROUND", "Opens a closed round again.", {}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::set_round_status(c, p.positional[0], "open");
             ctx.out << "reopened " << p.positional[0] << "\n";
             return exit_code::ok;
         }},
    };
    for (auto& sub : round_invitation_subcommands()) subs.push_back(std::move(sub));
    for (auto& sub : round_scope_subcommands()) subs.push_back(std::move(sub));
    return dispatch(ctx, "round", subs, args);
}

int cmd_respondent(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"add", "add ROUND --role ROLE [--name NAME] [--email EMAIL] [--key KEY [--update]]",
         "Adds a respondent to a round and prints their stable anonymous key. A key already in the round is\n"
         "refused unless --update is given; a closed round refuses both.",
         {{"role", true, "ROLE", "one of the questionnaire's respondent roles"}, {"name", true, "NAME", "optional"},
          {"email", true, "EMAIL", "optional"}, {"key", true, "KEY", "choose the key instead of r1, r2, ..."},
          {"update", false, "", "with --key: change that respondent's role (and name, e-mail when given)"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (p.has("update") && p.value("key").empty()) {
                 ctx.err << "yardstick-cli respondent add: --update needs --key KEY (the respondent to change)\n";
                 return exit_code::usage;
             }
             if (int code = refuse_text(ctx, "respondent add", p,
                                        {{"role", TextField::RespondentRole}, {"name", TextField::RespondentName},
                                         {"email", TextField::RespondentEmail}, {"key", TextField::RespondentKey}}))
                 return code;
             ctx.out << store::add_respondent(c, p.positional[0], p.value("role"), p.value("name"), p.value("email"),
                                              p.value("key"), p.has("update"))
                     << "\n";
             return exit_code::ok;
         }},
    };
    for (auto& sub : respondent_tag_subcommands()) subs.push_back(std::move(sub));
    return dispatch(ctx, "respondent", subs, args);
}

int cmd_answer(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"set", "set ROUND RESPONDENT QUESTION (--value V | --na | --dont-know) [--evidence TEXT] [--confidence X]",
         "Records one answer, checked against the round's questionnaire and saved at once. V is an option id,\n"
         "or JSON: [\"a\",\"b\"] for a checklist, 4.5 for a number, [true,false] for a chain.",
         {{"value", true, "V", "the answer"}, {"na", false, "", "not applicable"}, {"dont-know", false, "", "don't know"},
          {"evidence", true, "TEXT", "evidence for the answer"}, {"confidence", true, "X", "confidence from 0 to 1"}},
         3,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (int code = refuse_text(ctx, "answer set", p, {{"evidence", TextField::Evidence}})) return code;
             nlohmann::json answer = nlohmann::json::object();
             int given = (p.has("value") ? 1 : 0) + (p.has("na") ? 1 : 0) + (p.has("dont-know") ? 1 : 0);
             if (given != 1) {
                 ctx.err << "yardstick-cli answer set: give exactly one of --value, --na or --dont-know\n";
                 return exit_code::usage;
             }
             if (p.has("value")) {
                 std::string v = p.value("value");
                 // JSON when it reads as JSON, otherwise a bare option id.
                 nlohmann::json parsed = nlohmann::json::parse(v, nullptr, false);
                 answer["value"] = parsed.is_discarded() ? nlohmann::json(v) : parsed;
             }
             if (p.has("na")) answer["na"] = true;
             if (p.has("dont-know")) answer["dont_know"] = true;
             if (p.has("evidence")) answer["evidence"] = p.value("evidence");
             if (p.has("confidence")) {
                 nlohmann::json x = nlohmann::json::parse(p.value("confidence"), nullptr, false);
                 answer["confidence"] = x.is_discarded() ? nlohmann::json(p.value("confidence")) : x;
             }
             store::set_answer(c, p.positional[0], p.positional[1], p.positional[2], answer, store::now_seconds());
             ctx.out << "saved\n";
             return exit_code::ok;
         }},
    };
    return dispatch(ctx, "answer", subs, args);
}

int cmd_target(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"set", "set ORGANISATION DIMENSION LEVEL --framework ID [--by YYYY-MM-DD]",
         "Sets the level an organisation aims for in a dimension.",
         {{"framework", true, "ID", "the framework the dimension belongs to"}, {"by", true, "DATE", "target date"}}, 3,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (int code = refuse_text(ctx, "target set", p, {{"by", TextField::TargetDate}})) return code;
             // A number such as 3 or 2.5 (fractional where the framework's scores are); from_chars
             // reads '.' whatever the locale.
             double level = 0;
             const std::string& given = p.positional[2];
             auto [end, ec] = std::from_chars(given.data(), given.data() + given.size(), level);
             if (ec != std::errc() || end != given.data() + given.size() || given.empty()) {
                 ctx.err << "yardstick-cli target set: LEVEL must be a number such as 3 or 2.5, not \"" << given << "\"\n";
                 return exit_code::usage;
             }
             store::set_target(c, {p.positional[0], p.value("framework"), p.positional[1], p.value("by"), level});
             ctx.out << "target set\n";
             return exit_code::ok;
         }},
        {"remove", "remove ORGANISATION DIMENSION --framework ID",
         "Removes the level an organisation aims for in a dimension. A target that is not set is an error.",
         {{"framework", true, "ID", "the framework the dimension belongs to"}}, 2,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (p.value("framework").empty()) {
                 ctx.err << "yardstick-cli target remove: --framework ID is needed\n";
                 return exit_code::usage;
             }
             store::remove_target(c, p.positional[0], p.value("framework"), p.positional[1]);
             ctx.out << "target removed\n";
             return exit_code::ok;
         }},
        {"import", "import FILE [--org ID] [--dry-run]",
         "Sets every target of a targets file (yardstick-targets/1) for its organisation (or --org), in one\n"
         "transaction: a problem anywhere in the file writes nothing.",
         {{"org", true, "ID", "the organisation, when the file names none (or another)"},
          {"dry-run", false, "", "check, write nothing"},
          {"library", true, "DIR", "also look in DIR/frameworks and DIR/questionnaires"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::TargetsImportReport r = store::import_targets_file(
                 c, p.positional[0], p.value("org"), library_dirs(ctx, p.values("library"), false), p.has("dry-run"));
             for (const auto& d : r.diagnostics.items()) ctx.err << to_string(d) << "\n";
             if (!r.ok()) return exit_code::invalid_input;
             ctx.out << (p.has("dry-run") ? "would set " : "set ") << r.targets << " target" << (r.targets == 1 ? "" : "s")
                     << " of " << r.organisation << " (framework " << r.framework << ")\n";
             return exit_code::ok;
         }},
        {"list", "list ORGANISATION", "Lists an organisation's targets.", {}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             for (const auto& t : store::list_targets(c, p.positional[0]))
                 ctx.out << t.framework << "  " << t.dimension << "  " << t.level << (t.by.empty() ? "" : "  by " + t.by) << "\n";
             return exit_code::ok;
         }},
    };
    return dispatch(ctx, "target", subs, args);
}

int cmd_action(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"set", "set ROUND ACTION [--owner NAME] [--due YYYY-MM-DD] [--status STATUS] [--notes TEXT] [--title TEXT]",
         "Adopts one of the framework's recommended actions into the round's action plan, or updates it\n"
         "(or one of the council's own, own-N, made by action add). Fields not given are kept; an empty\n"
         "value (--owner \"\") clears the owner, due date or notes.",
         {{"owner", true, "NAME", "who owns it"}, {"due", true, "DATE", "due date"},
          {"title", true, "TEXT", "a new title (own actions only)"},
          {"status", true, "STATUS", "not-started (default), in-progress, done or dropped"}, {"notes", true, "TEXT", "notes"}},
         2,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (int code = refuse_text(ctx, "action set", p,
                                        {{"title", TextField::ActionTitle}, {"owner", TextField::ActionOwner}, {"due", TextField::DueDate},
                                         {"notes", TextField::ActionNotes}}))
                 return code;
             // Read and write in one transaction, so a field given empty clears it and the rest stay.
             store::Transaction tx(c);
             store::ActionItem item;
             item.round = p.positional[0];
             item.action = p.positional[1];
             if (auto stored = store::find_action_item(c, item.round, item.action)) item = *stored;
             if (p.has("owner")) item.owner = p.value("owner");
             if (p.has("due")) item.due = p.value("due");
             if (p.has("status")) item.status = p.value("status");
             if (p.has("notes")) item.notes = p.value("notes");
             if (p.has("title")) item.title = p.value("title");
             store::replace_action_item(c, item);
             tx.commit();
             ctx.out << "saved\n";
             return exit_code::ok;
         }},
        {"add", "add ROUND --title TEXT [--dimension ID] [--owner NAME] [--due YYYY-MM-DD] [--status STATUS] [--notes TEXT]",
         "Adds an action the council writes itself to the round's action plan, and prints the id it is\n"
         "given (own-1, own-2, ...), which action set and action remove take.",
         {{"title", true, "TEXT", "what is to be done (required)"},
          {"dimension", true, "ID", "the framework dimension it belongs to (default: none)"},
          {"owner", true, "NAME", "who owns it"}, {"due", true, "DATE", "due date"},
          {"status", true, "STATUS", "not-started (default), in-progress, done or dropped"}, {"notes", true, "TEXT", "notes"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             if (!p.has("title")) {
                 ctx.err << "yardstick-cli action add: --title TEXT is needed (what is to be done)\n";
                 return exit_code::usage;
             }
             if (int code = refuse_text(ctx, "action add", p,
                                        {{"title", TextField::ActionTitle}, {"owner", TextField::ActionOwner},
                                         {"due", TextField::DueDate}, {"notes", TextField::ActionNotes}}))
                 return code;
             store::ActionItem item;
             item.round = p.positional[0];
             item.title = p.value("title");
             item.dimension = p.value("dimension");
             item.owner = p.value("owner");
             item.due = p.value("due");
             if (p.has("status")) item.status = p.value("status");
             item.notes = p.value("notes");
             ctx.out << "added " << store::add_own_action_item(c, item) << "\n";
             return exit_code::ok;
         }},
        {"remove", "remove ROUND ACTION", "Takes an action out of the round's action plan.", {}, 2,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::remove_action_item(c, p.positional[0], p.positional[1]);
             ctx.out << "removed\n";
             return exit_code::ok;
         }},
        {"list", "list ROUND", "Lists the round's action plan.", {}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             for (const auto& a : store::list_action_items(c, p.positional[0]))
                 ctx.out << (a.dimension.empty() ? "(no dimension)" : a.dimension) << "  " << a.action << "  " << a.status
                         << (a.title.empty() ? "" : "  \"" + a.title + "\"") << (a.owner.empty() ? "" : "  owner: " + a.owner)
                         << (a.due.empty() ? "" : "  due " + a.due) << "\n";
             return exit_code::ok;
         }},
    };
    return dispatch(ctx, "action", subs, args);
}

int cmd_db(const Context& ctx, const std::vector<std::string>& args) {
    std::vector<Sub> subs = {
        {"check", "check", "Checks the database: SQLite's integrity check, foreign keys, and what it holds.", {}, 0,
         [](const Context& ctx, const ParsedArgs&, store::Connection& c) {
             std::vector<std::string> problems;
             store::Statement s = c.prepare("PRAGMA integrity_check");
             while (s.step())
                 if (s.text(0) != "ok") problems.push_back(s.text(0));
             store::Statement f = c.prepare("PRAGMA foreign_key_check");
             while (f.step()) problems.push_back("table " + f.text(0) + " row " + f.text(1) + " refers to a missing " + f.text(2));
             for (const auto& p : problems) ctx.err << c.path() << ": " << p << "\n";
             ctx.out << c.path() << ": " << (problems.empty() ? "ok" : "DAMAGED") << "; schema version "
                     << c.scalar_int("PRAGMA user_version") << "; " << c.scalar_int("SELECT count(*) FROM organisation")
                     << " organisations, " << c.scalar_int("SELECT count(*) FROM round") << " rounds, "
                     << c.scalar_int("SELECT count(*) FROM respondent") << " respondents, "
                     << c.scalar_int("SELECT count(*) FROM answer") << " answers\n";
             return problems.empty() ? exit_code::ok : exit_code::database_refused;
         }},
    };
    return dispatch(ctx, "db", subs, args);
}

}  // namespace ys::cli
