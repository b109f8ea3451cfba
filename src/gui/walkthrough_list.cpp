#include "walkthrough_list.h"

#include "wx_utf8.h"  // first: the UTF-8 _()

namespace ys::gui {
namespace {

// A row shows the start of the question; the whole text is its tooltip.
wxString shortened(const std::string& text, std::size_t chars) {
    wxString s = wxs(text);
    if (s.length() <= chars) return s;
    s.Truncate(chars);
    if (int space = s.Find(' ', true); space > static_cast<int>(chars / 2)) s.Truncate(static_cast<std::size_t>(space));
    return s + wxS("\u2026");
}

}  // namespace

QuestionList::QuestionList(wxWindow* parent)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_NO_LINES | wxTR_SINGLE | wxTR_FULL_ROW_HIGHLIGHT) {
    SetName(_("Questions"));
    SetToolTip(_("Every question asked, by section: a tick marks those answered. Choose one to go to it (L, then the arrow keys)."));
    AddRoot(wxS("questions"));
    Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        if (filling_) return;
        const Row* r = row_of(e.GetItem());
        if (r && r->target >= 0 && on_jump) on_jump(r->target);
    });
    Bind(wxEVT_TREE_ITEM_GETTOOLTIP, [this](wxTreeEvent& e) {
        if (const Row* r = row_of(e.GetItem()); r && !r->tip.empty()) e.SetToolTip(r->tip);
    });
    // Sections stay open: the list is for seeing everything at once.
    Bind(wxEVT_TREE_ITEM_COLLAPSING, [](wxTreeEvent& e) { e.Veto(); });
}

void QuestionList::fill(const Questionnaire& q, const std::vector<int>& shown,
                        const std::function<const Answer*(int)>& answer, int current) {
    filling_ = true;
    const bool rebuild = shown != shown_ || rows_.empty();
    if (rebuild) {
        Freeze();
        DeleteChildren(GetRootItem());
        rows_.clear();
        shown_ = shown;
    }
    std::size_t next_row = 0;
    int number = 0;
    for (std::size_t s = 0; s < q.sections.size(); ++s) {
        const Section& sec = q.sections[s];
        int asked = 0, answered = 0, target = -1, first = -1;
        std::vector<int> in_section;
        for (int qi : shown)
            if (q.questions[static_cast<std::size_t>(qi)].section == static_cast<int>(s)) in_section.push_back(qi);
        for (int qi : in_section) {
            ++asked;
            if (answer(qi)) ++answered;
            else if (target < 0) target = qi;
            if (first < 0) first = qi;
        }
        if (in_section.empty()) continue;
        if (target < 0) target = first;
        wxString label = (answered == asked ? wxS("\u2713 ") : wxString()) + wxs(sec.title) +
                         wxString::Format(wxS("  (%d/%d)"), answered, asked);
        if (rebuild) {
            wxTreeItemId item = AppendItem(GetRootItem(), label);
            SetItemBold(item);
            rows_.push_back({item, -1, static_cast<int>(s), target, {}});
        } else {
            SetItemText(rows_[next_row].item, label);
            rows_[next_row].target = target;
        }
        const wxTreeItemId parent = rows_[next_row].item;
        ++next_row;
        for (int qi : in_section) {
            ++number;
            // Every row starts with a mark or the same width of space, so that the numbers line up.
            wxString row = (answer(qi) ? wxS("\u2713  ") : wxS("\u2002\u2002  ")) + wxString::Format(wxS("%d. "), number) +
                           shortened(q.questions[static_cast<std::size_t>(qi)].text, 60);
            if (rebuild) {
                rows_.push_back({AppendItem(parent, row), qi, static_cast<int>(s), qi,
                                 wxs(q.questions[static_cast<std::size_t>(qi)].text)});
            } else {
                SetItemText(rows_[next_row].item, row);
            }
            ++next_row;
        }
        if (rebuild) Expand(parent);
    }
    if (rebuild) Thaw();
    select_current(current);
    filling_ = false;
}

void QuestionList::select_current(int current) {
    for (const auto& r : rows_) {
        if (r.question == current && current >= 0) {
            if (GetSelection() != r.item) SelectItem(r.item);
            EnsureVisible(r.item);
            return;
        }
    }
    if (GetSelection().IsOk()) Unselect();
}

const QuestionList::Row* QuestionList::row_of(const wxTreeItemId& item) const {
    for (const auto& r : rows_)
        if (r.item == item) return &r;
    return nullptr;
}

wxString QuestionList::question_label(int question) const {
    for (const auto& r : rows_)
        if (r.question == question && question >= 0) return GetItemText(r.item);
    return {};
}

wxString QuestionList::section_label(int section) const {
    for (const auto& r : rows_)
        if (r.question < 0 && r.section == section) return GetItemText(r.item);
    return {};
}

wxTreeItemId QuestionList::question_item(int question) const {
    for (const auto& r : rows_)
        if (r.question == question && question >= 0) return r.item;
    return {};
}

wxTreeItemId QuestionList::section_item(int section) const {
    for (const auto& r : rows_)
        if (r.question < 0 && r.section == section) return r.item;
    return {};
}

int QuestionList::section_target(int section) const {
    for (const auto& r : rows_)
        if (r.question < 0 && r.section == section) return r.target;
    return -1;
}

}  // namespace ys::gui
