#include "field_limits.h"

namespace ys {

const std::vector<FieldRule>& field_rules() {
    // In the order of TextField; field_rule() indexes this table.
    static const std::vector<FieldRule> rules = {
        {TextField::OrganisationId, "organisation id", TextKind::Id, kMaxIdChars},
        {TextField::OrganisationName, "organisation name", TextKind::Line, kMaxNameChars},
        {TextField::Region, "region", TextKind::Line, 100},
        {TextField::OnsCode, "ONS code", TextKind::Line, 9},
        {TextField::Period, "round period", TextKind::Line, 64},
        {TextField::RespondentKey, "respondent key", TextKind::Id, kMaxIdChars},
        {TextField::RespondentRole, "respondent role", TextKind::Id, kMaxIdChars},
        {TextField::RespondentName, "respondent name", TextKind::Line, kMaxNameChars},
        {TextField::RespondentEmail, "respondent email", TextKind::Line, 254},  // RFC 5321's longest path
        {TextField::Evidence, "evidence note", TextKind::Note, kMaxNoteChars},
        {TextField::ActionOwner, "action owner", TextKind::Line, kMaxNameChars},
        {TextField::ActionNotes, "action note", TextKind::Note, kMaxNoteChars},
        {TextField::DueDate, "due date", TextKind::Line, 10},
        {TextField::TargetDate, "target date", TextKind::Line, 10},
        {TextField::PeerGroupId, "peer group id", TextKind::Id, kMaxIdChars},
        {TextField::PeerGroupName, "peer group name", TextKind::Line, kMaxNameChars},
        {TextField::ActionTitle, "action title", TextKind::Line, kMaxNameChars},
    };
    return rules;
}

const FieldRule& field_rule(TextField f) { return field_rules()[static_cast<std::size_t>(f)]; }

}  // namespace ys
