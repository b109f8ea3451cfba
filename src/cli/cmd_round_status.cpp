// yardstick-cli round invite | invitations | uninvite | status: a round's invitation list and
// who has returned answers (the store does the work: invitations.h, round_status.h).
#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "commands.h"
#include "exit_codes.h"
#include "form_returns.h"
#include "invitations.h"
#include "outputs.h"
#include "round_status.h"
#include "store_command.h"
#include "timestamps.h"

namespace ys::cli {
namespace {

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) return "-";
    return std::to_string((part * 100 + whole / 2) / whole) + "%";
}

std::string padded(const std::string& s, std::size_t width) {
    // Width in characters, not bytes, so names with accents line up.
    std::size_t chars = 0;
    for (unsigned char ch : s) chars += (ch & 0xC0) != 0x80;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string person(const std::string& name, const std::string& email) {
    if (name.empty()) return email.empty() ? "(no name)" : "<" + email + ">";
    return email.empty() ? name : name + " <" + email + ">";
}

nlohmann::json progress_json(const store::RespondentProgress& r) {
    return {{"key", r.key},
            {"name", r.name},
            {"email", r.email},
            {"role", r.role},
            {"role_name", r.role_name},
            {"answered", r.answered},
            {"from_form", r.from_form},
            {"returned_at", r.returned_at ? nlohmann::json(format_iso_datetime(r.returned_at)) : nlohmann::json(nullptr)}};
}

nlohmann::json status_json(const store::RoundStatus& s) {
    auto coverage = [](const std::vector<store::Coverage>& lines) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& l : lines) out.push_back({{"label", l.label}, {"invited", l.invited}, {"returned", l.returned}});
        return out;
    };
    nlohmann::json invitees = nlohmann::json::array();
    for (const auto& i : s.invitees) {
        nlohmann::json j = {{"name", i.invitation.name},     {"email", i.invitation.email},
                            {"role", i.invitation.role},     {"role_name", i.role_name},
                            {"department", i.invitation.department},
                            {"returned", i.returned}};
        if (i.returned) {
            j["matched_by"] = i.matched_by;
            j["respondent"] = progress_json(i.respondent);
        }
        invitees.push_back(std::move(j));
    }
    nlohmann::json others = nlohmann::json::array();
    for (const auto& r : s.not_invited) others.push_back(progress_json(r));
    return {{"round", s.round},
            {"status", s.status},
            {"questions", s.questions},
            {"respondents", s.respondents},
            {"invited", s.overall.invited},
            {"returned", s.overall.returned},
            {"by_role", coverage(s.by_role)},
            {"by_department", coverage(s.by_department)},
            {"invitees", invitees},
            {"not_invited", others}};
}

void print_status(const Context& ctx, const store::RoundStatus& s) {
    ctx.out << "round " << s.round << " (" << s.status << "): ";
    if (s.overall.invited)
        ctx.out << s.overall.returned << " of " << s.overall.invited << " invited have returned answers ("
                << percent(s.overall.returned, s.overall.invited) << "); ";
    else
        ctx.out << "no invitation list (add one with yardstick-cli round invite " << s.round << " --csv FILE); ";
    ctx.out << s.respondents << " respondent" << (s.respondents == 1 ? "" : "s") << " in all, " << s.not_invited.size()
            << " not on the list\n";
    auto coverage = [&](const char* title, const std::vector<store::Coverage>& lines) {
        if (lines.empty()) return;
        std::size_t width = 0;
        for (const auto& l : lines) width = std::max(width, l.label.size());
        ctx.out << "\n" << title << ":\n";
        for (const auto& l : lines)
            ctx.out << "  " << padded(l.label, width + 2) << l.returned << " of " << l.invited << " ("
                    << percent(l.returned, l.invited) << ")\n";
    };
    coverage("By role", s.by_role);
    coverage("By department", s.by_department);
    auto answered = [&](const store::RespondentProgress& r) {
        return (r.returned_at ? (r.from_form ? "saved " : "last answer ") + store::save_time_text(r.returned_at) + ", " : std::string()) +
               std::to_string(r.answered) + " of " + std::to_string(s.questions) + " questions answered";
    };
    if (!s.invitees.empty()) {
        std::size_t width = 0;
        std::size_t role_width = 1;
        for (const auto& i : s.invitees) {
            width = std::max(width, person(i.invitation.name, i.invitation.email).size());
            role_width = std::max(role_width, i.role_name.size());
        }
        ctx.out << "\nInvited:\n";
        for (const auto& i : s.invitees) {
            std::string line = std::string("  ") + (i.returned ? "returned  " : "waiting   ") +
                               padded(person(i.invitation.name, i.invitation.email), width + 2) +
                               padded(i.role_name.empty() ? "-" : i.role_name, role_width + 2) +
                               padded(i.invitation.department.empty() ? "-" : i.invitation.department, 20);
            if (i.returned) line += answered(i.respondent) + (i.matched_by == "name" ? " (matched by name)" : "");
            ctx.out << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
        }
    }
    if (!s.not_invited.empty()) {
        ctx.out << "\nNot on the list:\n";
        for (const auto& r : s.not_invited)
            ctx.out << "  " << padded(r.key, 20) << padded(person(r.name, r.email), 30)
                    << padded(r.role_name.empty() ? "-" : r.role_name, 28) << answered(r) << "\n";
    }
}

}  // namespace

std::vector<StoreSubcommand> round_invitation_subcommands() {
    return {
        {"invite", "invite ROUND --csv FILE [--dry-run]",
         "Imports the round's invitation list from a CSV with a header row: email, and optionally name,\n"
         "role (a role id or name of the questionnaire) and department, in any order and case; other\n"
         "columns are ignored. Every bad row is listed by row and column and nothing is written unless\n"
         "the whole file is valid. People already invited (by email, whatever its case) are updated.\n"
         "Yardstick sends no email.",
         {{"csv", true, "FILE", "the invitation list"}, {"dry-run", false, "", "check and count, write nothing"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::InviteReport r = store::import_invitations(c, {p.positional[0], p.value("csv"), p.has("dry-run")});
             for (const auto& d : r.diagnostics.items()) ctx.err << to_string(d) << "\n";
             if (!r.ok()) {
                 ctx.err << "nothing was imported: " << r.diagnostics.error_count() << " problem"
                         << (r.diagnostics.error_count() == 1 ? "" : "s") << "\n";
                 return exit_code::invalid_input;
             }
             const bool dry = p.has("dry-run");
             ctx.out << (dry ? "would invite: " : "invited: ") << r.added << " new, " << r.updated
                     << (dry ? " to update, " : " updated, ") << r.unchanged << " unchanged (" << r.rows << " in the file)\n";
             if (dry) ctx.out << "(dry run: nothing was written)\n";
             return exit_code::ok;
         },
         {"csv"}},
        {"invitations", "invitations ROUND [--format table|json]", "Lists the round's invitation list.",
         {{"format", true, "table|json", "output format (default table)"}}, 1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             const std::string f = p.value("format", "table");
             if (f != "table" && f != "json") {
                 ctx.err << "yardstick-cli round invitations: --format must be table or json, not \"" << f << "\"\n";
                 return exit_code::usage;
             }
             // Through the round's status, which names each role as the questionnaire does.
             const auto list = store::round_status(c, p.positional[0]).invitees;
             if (f == "json") {
                 nlohmann::json out = nlohmann::json::array();
                 for (const auto& inv : list) {
                     const auto& i = inv.invitation;
                     out.push_back({{"name", i.name}, {"email", i.email}, {"role", i.role}, {"role_name", inv.role_name},
                                    {"department", i.department}, {"added", format_iso_datetime(i.added_at)}});
                 }
                 ctx.out << nlohmann::json{{"invitations", out}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                         << "\n";
                 return exit_code::ok;
             }
             for (const auto& inv : list)
                 ctx.out << padded(person(inv.invitation.name, inv.invitation.email), 40)
                         << padded(inv.role_name.empty() ? "-" : inv.role_name, 28)
                         << (inv.invitation.department.empty() ? "-" : inv.invitation.department) << "\n";
             if (list.empty()) ctx.out << "(no invitation list)\n";
             return exit_code::ok;
         }},
        {"uninvite", "uninvite ROUND EMAIL", "Takes one person off the round's invitation list.", {}, 2,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::remove_invitation(c, p.positional[0], p.positional[1]);
             ctx.out << "removed " << p.positional[1] << " from the invitation list\n";
             return exit_code::ok;
         }},
        {"status", "status ROUND [--pending-csv FILE] [--json]",
         "Who has returned answers: each person invited (matched to respondents by email, else by exact\n"
         "name), when, and how many questions they answered; respondents not on the list; coverage\n"
         "overall, by role and by department. --pending-csv writes those still to reply (name, email,\n"
         "role, department) for a mail merge; Yardstick sends no email.",
         {{"pending-csv", true, "FILE", "write the people still to reply as CSV"},
          {"json", false, "", "print JSON for scripts"}},
         1,
         [](const Context& ctx, const ParsedArgs& p, store::Connection& c) {
             store::RoundStatus s = store::round_status(c, p.positional[0]);
             if (p.has("pending-csv")) {
                 std::string error;
                 WriteOptions personal;
                 personal.personal = true;  // names and emails
                 if (!write_file_atomic(p.value("pending-csv"), store::pending_csv(s), error, personal)) {
                     ctx.err << "yardstick-cli round status: " << error << "\n";
                     return exit_code::output_failed;
                 }
             }
             if (p.has("json")) ctx.out << status_json(s).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
             else print_status(ctx, s);
             if (p.has("pending-csv") && !p.has("json"))
                 ctx.out << "\nwrote " << s.overall.invited - s.overall.returned << " still to reply to "
                         << p.value("pending-csv") << "\n";
             return exit_code::ok;
         },
         {},
         [](const Context& ctx, const ParsedArgs& p) {
             return refuse_unsafe_outputs(ctx, "round status", {given_paths(p, {"pending-csv"}), {}, database_path(p)});
         }},
    };
}

}  // namespace ys::cli
