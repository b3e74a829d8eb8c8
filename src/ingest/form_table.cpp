#include "ingest/form_table.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ingest/form_labels.h"
#include "ingest/form_rows.h"
#include "ingest/form_values.h"
#include "ingest/normalize.h"
#include "model/target.h"

namespace jixiao::form {
namespace {

constexpr std::size_t kMaxLabelTokens = 6;
// A line holding more words than this is not one wrapped cell line: its widths say nothing.
constexpr int kMaxWordsOnMeasuredLine = 5;

// Words that open the notes or signatures printed under a form; the table ends there.
constexpr std::array<std::string_view, 8> kTrailerStarts = {
    "填报说明", "填表说明", "备注", "注：", "注:", "单位负责人", "填表人", "联系电话"};

struct Item {
  std::optional<TableLabel> label;  // a label, or content when empty
  std::size_t first = 0, last = 0;  // token range (inclusive)
};

// A block of content between class labels, with the classes it belongs to.
struct Block {
  std::string l1, l2;
  std::vector<std::size_t> content;  // indices into items
};

// The longest run of whole tokens starting at `i` that reads as a table label.
std::optional<Item> match_label(const std::vector<std::u32string>& keys, std::size_t i) {
  std::optional<Item> best;
  std::u32string key;
  // Key offsets where a token starts (after the first).
  std::array<std::size_t, kMaxLabelTokens> starts{};
  std::size_t boundary_count = 0;
  std::size_t length = 0;
  char32_t last = 0;  // the last code point of the tokens i..j
  for (std::size_t j = i; j < keys.size() && j < i + kMaxLabelTokens; ++j) {
    if (j > i) starts[boundary_count++] = length;
    length += keys[j].size();
    if (length > kMaxTableLabelLength) break;
    if (!keys[j].empty()) last = keys[j].back();
    // The run is only put together when it can be a label: most runs end in a character no
    // label ends with.
    if (length == 0 || !may_end_table_label(last)) continue;
    key.clear();
    for (std::size_t k = i; k <= j; ++k) key += keys[k];
    std::span<const std::size_t> boundaries(starts.data(), boundary_count);
    std::optional<TableLabel> label = classify_table_label(key);
    if (!label) continue;
    // A class recognised only by its ending ("X满意度指标") must not swallow the words printed
    // before a label ("时完成" + "成本指标", "良好" + "生态效益" + "指标"): no run of its tokens
    // after the first may read as a label by itself.
    if (label->by_ending &&
        std::any_of(boundaries.begin(), boundaries.end(), [&](std::size_t b) {
          return classify_table_label(std::u32string_view(key).substr(b)).has_value();
        }))
      continue;
    best = Item{label, i, j};
  }
  return best;
}

std::vector<Item> read_items(const Tokens& tokens) {
  std::vector<std::u32string> keys;
  keys.reserve(tokens.size());
  for (const Token& token : tokens) keys.push_back(folded_u32(token.text));
  std::vector<Item> items;
  for (std::size_t i = 0; i < tokens.size();) {
    if (std::optional<Item> label = match_label(keys, i)) {
      items.push_back(*label);
      i = label->last + 1;
    } else {
      items.push_back(Item{std::nullopt, i, i});
      ++i;
    }
  }
  return items;
}

std::size_t trailer_start(const Tokens& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool line_start = i == 0 || tokens[i - 1].row != tokens[i].row;
    if (!line_start) continue;
    for (std::string_view start : kTrailerStarts)
      if (tokens[i].text.substr(0, start.size()) == start) return i;
  }
  return tokens.size();
}

// The next label after items[k] before any content, skipping column headers and the caption.
const TableLabel* next_class_label(const std::vector<Item>& items, std::size_t k) {
  for (std::size_t j = k + 1; j < items.size(); ++j) {
    if (!items[j].label) return nullptr;
    TableLabelKind kind = items[j].label->kind;
    if (kind == TableLabelKind::kHeader || kind == TableLabelKind::kVertical) continue;
    return &*items[j].label;
  }
  return nullptr;
}

std::string_view category_of(const TableLabel& label) {
  switch (label.kind) {
    case TableLabelKind::kCost: return kCostClass;
    case TableLabelKind::kSatisfaction: return kSatisfactionClass;
    case TableLabelKind::kLevel2: return label.category;
    default: return {};
  }
}

// True when a form may file a second-level class of `category` under first-level `l1`.
bool compatible(std::string_view l1, std::string_view category) {
  if (category.empty() || l1 == category) return true;
  // Forms following 财预〔2015〕88号 file 服务对象满意度指标 under 效益指标.
  return l1 == kBenefitClass && category == kSatisfactionClass;
}

std::vector<Block> read_blocks(const std::vector<Item>& items) {
  std::vector<Block> blocks(1);
  std::string l1, l2;
  auto open_block = [&] { blocks.push_back(Block{l1, l2, {}}); };
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (!items[k].label) {
      blocks.back().content.push_back(k);
      continue;
    }
    const TableLabel& label = *items[k].label;
    const TableLabel* next = next_class_label(items, k);
    switch (label.kind) {
      case TableLabelKind::kHeader:
      case TableLabelKind::kVertical: continue;
      case TableLabelKind::kLevel1:
        l1 = label.name;
        l2.clear();
        break;
      case TableLabelKind::kLevel2:
        if (l1.empty() || !compatible(l1, label.category)) l1 = label.category;
        l2 = label.name;
        break;
      case TableLabelKind::kCost:
        // 成本指标 is the first level when second-level cost classes follow it; printed straight
        // before rows inside 产出指标 it is that class's second level (填报表 variant).
        if (next != nullptr && category_of(*next) == kCostClass) {
          l1 = std::string(kCostClass);
          l2.clear();
        } else if (l1 == kOutputClass) {
          l2 = label.name;
        } else {
          l1 = std::string(kCostClass);
          l2.clear();
        }
        break;
      case TableLabelKind::kSatisfaction:
        if (next != nullptr && category_of(*next) == kSatisfactionClass) {
          l1 = std::string(kSatisfactionClass);
          l2.clear();
        } else if ((l1 == kSatisfactionClass || l1 == kBenefitClass) && l2.empty()) {
          // A class just opened without second levels yet: the short second-level label.
          l2 = label.name;
        } else {
          l1 = std::string(kSatisfactionClass);
          l2.clear();
        }
        break;
    }
    open_block();
  }
  return blocks;
}

// Joins words of one piece that a layout printed apart but that read as one cell value or name:
// "≥ 4.00 (次)", "=4400 份", "2023 年 10 月底", "web 应用系统".
struct Word {
  std::string text;
  std::size_t first, last;
};

std::vector<Word> merge_words(std::vector<Word> words) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
      // The last word merged so far decides ("2023年 11" + "月": "11" takes the unit).
      std::string_view whole = words[k].text;
      std::size_t space = whole.rfind(' ');
      std::string a(space == std::string_view::npos ? whole : whole.substr(space + 1));
      const std::string& b = words[k + 1].text;
      bool bare_comparator = starts_with_comparator(a) && ends_with_comparator(a) &&
                             strip_whitespace(a).size() <= 3;
      bool number_then_unit =
          is_number_without_unit(a) &&
          (is_unit_word(b) || b.rfind("年", 0) == 0 || b.rfind("月", 0) == 0 || b.rfind("日", 0) == 0);
      bool year_then_month = whole.size() > 3 && whole.substr(whole.size() - 3) == "年" &&
                             whole[0] >= '0' && whole[0] <= '9' && !b.empty() && b[0] >= '0' &&
                             b[0] <= '9';
      bool ascii_in_name = is_ascii_word(a) && !starts_with_comparator(b) && !is_numeric(b);
      bool unfinished = value_continues(whole) || starts_with_continuation_mark(b);
      if (bare_comparator || number_then_unit || year_then_month || ascii_in_name || unfinished) {
        words[k].text += " " + b;
        words[k].last = words[k + 1].last;
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        changed = true;
        break;
      }
    }
  }
  return words;
}

std::vector<Fragment> fragments_of(const Tokens& tokens, const std::vector<Item>& items,
                                   const Block& block, int& next_piece) {
  std::vector<Fragment> fragments;
  std::size_t k = 0;
  while (k < block.content.size()) {
    // A piece: consecutive content items on one line, in one cell.
    std::vector<Word> words;
    std::size_t first_item = block.content[k];
    const Token& head = tokens[items[first_item].first];
    std::size_t j = k;
    while (j < block.content.size()) {
      std::size_t item = block.content[j];
      const Token& t = tokens[items[item].first];
      bool adjacent = j == k || block.content[j - 1] + 1 == item;
      if (!adjacent || t.row != head.row || t.cell != head.cell) break;
      words.push_back(Word{t.text, items[item].first, items[item].last});
      ++j;
    }
    int piece = next_piece++;
    std::size_t first_fragment = fragments.size();
    bool measured = !head.tabbed && head.tokens_on_line <= kMaxWordsOnMeasuredLine;
    std::size_t first_token = items[first_item].first;
    bool page_start = head.line != nullptr && head.line->page_start &&
                      (first_token == 0 || tokens[first_token - 1].row != head.row);
    if (head.tabbed) {
      // Between tabs is one cell, however many words it holds ("2020 年7 月底").
      Word cell = words.front();
      for (std::size_t w = 1; w < words.size(); ++w) {
        cell.text += " " + words[w].text;
        cell.last = words[w].last;
      }
      words = {cell};
    }
    for (Word& word : merge_words(std::move(words))) {
      Fragment f;
      f.width = column_width(word.text);
      f.text = std::move(word.text);
      f.row = head.row;
      f.cell = head.cell;
      f.piece = piece;
      f.measured = measured;
      f.page_start = page_start && fragments.size() == first_fragment;
      f.first_token = word.first;
      f.last_token = word.last;
      fragments.push_back(std::move(f));
    }
    k = j;
  }
  return fragments;
}

std::string joined(std::span<const Fragment> fragments) {
  std::string text;
  for (const Fragment& f : fragments) text += strip_whitespace(f.text);
  return text;
}

// A value that starts like a number target but does not read as one ("≥9O.00(%)").
bool broken_quantity(const std::string& value, const Target& target) {
  if (target.quantitative() || !starts_with_comparator(value)) return false;
  for (char c : value)
    if (c >= '0' && c <= '9') return true;
  return false;
}

void add_unreadable(Project& project, std::string field, const SourceSpan& span,
                    std::string reason) {
  project.unreadable.push_back(Unreadable{std::move(field), span, std::move(reason)});
}

void emit_rows(const Tokens& tokens, const Block& block, std::span<const Fragment> fragments,
               const RowPartition& partition, Project& project) {
  for (const FragmentRow& row : partition.rows) {
    auto name_part = fragments.subspan(row.begin, row.value_begin - row.begin);
    auto value_part = fragments.subspan(row.value_begin, row.end - row.value_begin);
    Indicator indicator;
    indicator.l1 = block.l1;
    indicator.l2 = block.l2;
    indicator.name = joined(name_part);
    indicator.value = joined(value_part);
    indicator.target = Target::parse(indicator.value);
    indicator.span = span_of(tokens, fragments[row.begin].first_token,
                             fragments[row.end - 1].last_token);
    std::string at = "indicators[" + std::to_string(project.indicators.size()) + "]";
    const SourceSpan& span = indicator.span;
    if (indicator.l1.empty())
      add_unreadable(project, at + ".l1", span, "未找到该行所属的一级指标");
    // An unreadable field is null (docs/json-contract.md): the text as printed goes into the
    // reason, for people, and never into the field, where rules would read it as the value.
    bool name_unreadable = false, value_unreadable = false;
    if (row.uncertain) {
      std::string reason = partition.complete
                               ? "三级指标与指标值的分界有不止一种读法"
                               : "指标行的单元格排列与表格结构不符，无法确定三级指标与指标值";
      reason += "：" + indicator.name + indicator.value;
      add_unreadable(project, at + ".name", span, reason);
      add_unreadable(project, at + ".value", span, reason);
      name_unreadable = value_unreadable = true;
    }
    if (!name_unreadable) {
      if (indicator.name.empty()) {
        add_unreadable(project, at + ".name", span, "三级指标缺失或无法辨认");
      } else if (looks_garbled(indicator.name)) {
        add_unreadable(project, at + ".name", span, "三级指标含无法识别的字符：" + indicator.name);
        name_unreadable = true;
      }
    }
    if (!value_unreadable) {
      if (indicator.value.empty()) {
        add_unreadable(project, at + ".value", span, "指标值缺失或无法辨认");
      } else if (looks_garbled(indicator.value)) {
        add_unreadable(project, at + ".value", span, "指标值含无法识别的字符：" + indicator.value);
        value_unreadable = true;
      } else if (broken_quantity(indicator.value, indicator.target)) {
        add_unreadable(project, at + ".value", span,
                       "指标值无法读作“比较符+数值+单位”：" + indicator.value);
        value_unreadable = true;
      }
    }
    if (name_unreadable) indicator.name.clear();
    if (value_unreadable) {
      indicator.value.clear();
      indicator.target = Target{};
    }
    project.indicators.push_back(std::move(indicator));
  }
}

}  // namespace

void parse_indicator_table(const Tokens& all_tokens, Project& project, bool page_marks) {
  Tokens tokens(all_tokens.begin(),
                all_tokens.begin() + static_cast<std::ptrdiff_t>(trailer_start(all_tokens)));
  std::vector<Item> items = read_items(tokens);
  std::vector<Block> blocks = read_blocks(items);

  int next_piece = 0;
  std::vector<std::vector<Fragment>> block_fragments;
  std::vector<Fragment> all;
  for (const Block& block : blocks) {
    block_fragments.push_back(fragments_of(tokens, items, block, next_piece));
    all.insert(all.end(), block_fragments.back().begin(), block_fragments.back().end());
  }
  TableHints hints = estimate_hints(all);
  hints.page_marks = page_marks;

  std::vector<bool> torn(blocks.size(), false);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    torn[b] = std::any_of(blocks[b].content.begin(), blocks[b].content.end(), [&](std::size_t item) {
      return is_torn_label_piece(folded_u32(tokens[items[item].first].text));
    });
  }
  std::vector<RowPartition> partitions(blocks.size());
  auto partition_all = [&] {
    for (std::size_t b = 0; b < blocks.size(); ++b)
      if (!torn[b] && !block_fragments[b].empty())
        partitions[b] = partition_rows(block_fragments[b], hints);
  };
  partition_all();
  // The value column's estimate comes from lines that can only be values, a lower bound when
  // the table's values are short. The value lines of the rows read with certainty show more of
  // the column: read the table again with the wider estimate (once; it only grows).
  double widest_value = hints.value;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!partitions[b].complete) continue;
    for (const FragmentRow& row : partitions[b].rows) {
      if (row.uncertain) continue;
      for (std::size_t k = row.value_begin; k < row.end; ++k)
        if (block_fragments[b][k].measured)
          widest_value = std::max(widest_value, block_fragments[b][k].width);
    }
  }
  if (hints.value > 0 && widest_value > hints.value && (hints.name <= 0 || widest_value < hints.name)) {
    hints.value = widest_value;
    partition_all();
  }

  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    const std::vector<Fragment>& fragments = block_fragments[b];
    if (fragments.empty()) continue;
    SourceSpan span = span_of(tokens, fragments.front().first_token, fragments.back().last_token);
    if (torn[b]) {
      add_unreadable(project, "indicators", span,
                     "指标表的单元格交错（指标类别标签被拆散），这一段指标无法可靠还原");
      continue;
    }
    if (std::getenv("FORM_DEBUG")) {
      std::fprintf(stderr, "BLOCK %s/%s hints n=%.1f v=%.1f blank=%d wrap=%d\n", block.l1.c_str(), block.l2.c_str(), hints.name, hints.value, hints.blank_line_wraps, hints.name_wrap_seen);
      for (const Fragment& f : fragments) std::fprintf(stderr, "   [%s] w=%.1f row=%d cell=%d piece=%d m=%d\n", f.text.c_str(), f.width, f.row, f.cell, f.piece, f.measured);
    }
    // No reading fits the layout, or two readings with different numbers of rows are about as
    // likely: the rows below are a best effort, and so is their number.
    if (!partitions[b].complete || partitions[b].count_uncertain)
      add_unreadable(project, "indicators", span,
                     "这一段指标的单元格排列与表格结构不符，指标行数无法确定");
    emit_rows(tokens, block, fragments, partitions[b], project);
  }
}

}  // namespace jixiao::form
