#pragma once
// The Skills page's choices a team skills report or workbook is made with, so that the file
// holds what the page shows: the round, and the options of `yardstick-cli skills plan`.
#include <string>

namespace ys::gui {

struct SkillsReportOptions {
    std::string round;        // the skills round ("" : the organisation's latest)
    bool anonymise = false;   // people numbered, small teams folded together
    std::string team;         // "" : everyone
    std::string target_role;  // a catalogue role id for everyone without one, "" : each person's own
    std::string start;        // YYYY-MM-DD the plan starts; "" : the job's default
    bool levy_payer = true;
    std::string assumptions;  // the cost assumptions file, "" : the shipped one
};

}  // namespace ys::gui
