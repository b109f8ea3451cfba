#pragma once
// One limit per text field, the same at every entry point: the command line, the desktop
// app, answer files, survey CSV, long CSV and bundles, and the store's own write functions.
// The README's limits table lists these rows; tests/core/test_text_check.cpp checks each.
#include <cstddef>
#include <vector>

namespace ys {

enum class TextField {
    OrganisationId,
    OrganisationName,
    Region,
    OnsCode,
    Period,
    RespondentKey,
    RespondentRole,
    RespondentName,
    RespondentEmail,
    Evidence,
    ActionOwner,
    ActionNotes,
    DueDate,
    TargetDate,
    PeerGroupId,
    PeerGroupName,
    ActionTitle,
};

enum class TextKind {
    Id,    // lower case letters, digits, '-', '_', '.', starting with a letter or digit
    Line,  // one line of text: no control characters at all
    Note,  // several lines: tab and line breaks (LF, or CR LF) allowed, no other control characters
};

struct FieldRule {
    TextField field;
    const char* label;  // how messages name it: "organisation name"
    TextKind kind;
    std::size_t max_chars;  // Unicode characters (code points), not bytes
};

inline constexpr std::size_t kMaxIdChars = 128;
inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr std::size_t kMaxNoteChars = 20000;

const FieldRule& field_rule(TextField f);
// Every rule, in the order of TextField.
const std::vector<FieldRule>& field_rules();

}  // namespace ys
