#include "ingest/line_items.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

enum class Column { kName, kSeq, kQuantity, kUnitPrice, kAmount, kOther };

struct HeaderColumn {
  Column kind;
  std::string text;
  std::string unit;
};

struct Value {
  std::string number;
  std::string unit;
};

struct Cell {
  bool is_value = false;
  Value value;
  std::string text;
};

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += code_point_length(s, i)) ++n;
  return n;
}

bool has_sentence_punctuation(std::string_view s) {
  return contains(s, "，") || contains(s, "。") || contains(s, "；");
}

// A unit as printed next to a number: "元", "万元", "份", "元/人", "元/公里".
bool unit_like(std::string_view s) {
  if (s.empty() || code_points(s) > 5) return false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    bool ok = is_ideograph(cp) || cp == '/' || cp == '%' || (cp >= 'a' && cp <= 'z') ||
              (cp >= 'A' && cp <= 'Z');
    if (!ok) return false;
  }
  return true;
}

// "113700元", "2.105", "800×50=40000" (the result counts), "40000×5=200000".
std::optional<Value> parse_value_cell(std::string_view cell) {
  std::string_view s = cell;
  std::size_t eq = s.rfind('=');
  if (eq != std::string_view::npos &&
      (contains(s, "×") || contains(s, "*") || contains(s, "x") || contains(s, "X")))
    s = s.substr(eq + 1);
  auto number = read_number(s, 0);
  if (!number) return std::nullopt;
  std::string_view unit = s.substr(number->end);
  if (!unit.empty() && !unit_like(unit)) return std::nullopt;
  std::string digits;  // thousands separators are layout, not part of the number
  for (char c : number->text)
    if (c != ',') digits.push_back(c);
  return Value{digits, std::string(unit)};
}

bool plain_integer(std::string_view s) {
  return !s.empty() && s.size() <= 3 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::vector<Cell> parse_cells(std::string_view line) {
  std::vector<Cell> cells;
  for (std::string_view piece : split_cells(line)) {
    if (auto v = parse_value_cell(piece)) {
      cells.push_back(Cell{true, *v, {}});
    } else if (!cells.empty() && cells.back().is_value && cells.back().value.unit.empty() &&
               unit_like(piece)) {
      cells.back().value.unit = std::string(piece);  // "2000 人", "150 元/人"
    } else if (!cells.empty() && cells.back().is_value && !cells.back().value.unit.empty() &&
               is_ideograph(code_point_before(cells.back().value.unit,
                                              cells.back().value.unit.size())) &&
               unit_like(cells.back().value.unit + std::string(piece))) {
      // OCR letter-spacing inside a unit: "550公 里", "元/公 里", "2.105万 元/人".
      cells.back().value.unit += std::string(piece);
    } else {
      cells.push_back(Cell{false, {}, std::string(piece)});
    }
  }
  return cells;
}

// The text inside the first bracket pair, and the text with that pair removed.
std::string bracket_content(std::string_view s, std::string* outside = nullptr) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    std::size_t a = s.find(open);
    if (a == std::string_view::npos) continue;
    std::size_t b = s.find(close, a + open.size());
    if (b == std::string_view::npos) continue;
    if (outside) *outside = std::string(s.substr(0, a)) + std::string(s.substr(b + close.size()));
    return std::string(s.substr(a + open.size(), b - a - open.size()));
  }
  if (outside) *outside = std::string(s);
  return {};
}

std::optional<Column> classify_header_cell(std::string_view cell) {
  std::string base;
  bracket_content(cell, &base);
  if (contains(base, "序号")) return Column::kSeq;
  if (contains(base, "名称") || contains(base, "项目组成") || contains(base, "内容") ||
      contains(base, "明细"))
    return Column::kName;
  if (contains(base, "单价") || starts_with(base, "单次") || starts_with(base, "每"))
    return Column::kUnitPrice;
  if (contains(base, "数量") || ends_with(base, "数")) return Column::kQuantity;
  if (contains(base, "资金需求") || contains(base, "金额") || contains(base, "总计") ||
      contains(base, "合计") || contains(base, "费用") || contains(base, "小计") ||
      contains(base, "预算") || contains(base, "资金"))
    return Column::kAmount;
  if (base == "项目" || ends_with(base, "项目")) return Column::kName;
  return std::nullopt;
}

// The unit a header names for its column: "单价（万元）" → 万元, "数量份" → 份.
std::string header_unit(std::string_view cell) {
  std::string inside = bracket_content(cell);
  if (!inside.empty() && unit_like(inside)) return inside;
  for (std::string_view key : {"数量", "单价"}) {
    if (starts_with(cell, key) && unit_like(cell.substr(key.size())) &&
        code_points(cell.substr(key.size())) <= 2)
      return std::string(cell.substr(key.size()));
  }
  return {};
}

// "（元）", "（件）", "（元）/本": a unit on its own line under a wrapped header cell.
bool unit_only_fragment(std::string_view cell) {
  std::string outside;
  std::string inside = bracket_content(cell, &outside);
  return !inside.empty() && unit_like(inside) && (outside.empty() || starts_with(outside, "/"));
}

bool is_value_column(Column c) {
  return c == Column::kQuantity || c == Column::kUnitPrice || c == Column::kAmount ||
         c == Column::kOther;
}

// Splits a header cell that holds several column names run together, as OCR letter-spacing
// leaves them ("项目组成数量单价资金需求" → 项目组成 / 数量 / 单价 / 资金需求).
std::vector<Cell> split_run_together_header(const std::vector<Cell>& cells) {
  static constexpr std::string_view kColumnWords[] = {"数量", "单价", "资金需求", "金额", "序号"};
  std::vector<Cell> out;
  for (const Cell& cell : cells) {
    if (cell.is_value) {
      out.push_back(cell);
      continue;
    }
    std::vector<std::size_t> cuts;
    int words = 0;
    for (std::string_view word : kColumnWords) {
      std::size_t pos = cell.text.find(word);
      if (pos == std::string::npos) continue;
      ++words;
      if (pos > 0) cuts.push_back(pos);
    }
    if (words < 2) cuts.clear();  // one column name with its own words ("规范性文件数量（件）")
    std::sort(cuts.begin(), cuts.end());
    std::size_t start = 0;
    for (std::size_t cut : cuts) {
      out.push_back(Cell{false, {}, cell.text.substr(start, cut - start)});
      start = cut;
    }
    out.push_back(Cell{false, {}, cell.text.substr(start)});
  }
  return out;
}

std::optional<std::vector<HeaderColumn>> parse_header(const std::vector<Cell>& raw) {
  if (raw.empty() || raw.size() > 8) return std::nullopt;
  std::vector<Cell> cells = split_run_together_header(raw);
  if (cells.size() < 2 || cells.size() > 8) return std::nullopt;
  std::vector<HeaderColumn> columns;
  bool has_value_column = false;
  for (const Cell& cell : cells) {
    if (cell.is_value) return std::nullopt;
    auto kind = classify_header_cell(cell.text);
    if (!kind) return std::nullopt;
    has_value_column = has_value_column || is_value_column(*kind);
    columns.push_back(HeaderColumn{*kind, cell.text, header_unit(cell.text)});
  }
  if (!has_value_column) return std::nullopt;
  return columns;
}

bool has_amount_column(const std::vector<HeaderColumn>& columns) {
  for (const HeaderColumn& c : columns)
    if (c.kind == Column::kAmount) return true;
  return false;
}

// Applies a wrapped piece of the header ("（元）", "文件数", "量（件）", "总计审核费用（元）");
// false (and no change) when the line is not header text. New columns are taken only while the
// header has no amount column yet: after it, a line such as "宣传费用" is a row name.
bool continue_header(const std::vector<Cell>& cells, std::vector<HeaderColumn>& columns) {
  std::vector<HeaderColumn> updated = columns;
  for (const Cell& cell : cells) {
    if (cell.is_value || updated.empty()) return false;
    bool complete = has_amount_column(updated);
    if (unit_only_fragment(cell.text)) {
      if (updated.back().unit.empty()) updated.back().unit = bracket_content(cell.text);
      updated.back().text += cell.text;
    } else if (ends_with(updated.back().text, "数") && starts_with(cell.text, "量")) {
      updated.back().text += cell.text;  // "数" / "量（件）": 数量 broken over two lines
      updated.back().kind = Column::kQuantity;
      if (updated.back().unit.empty()) updated.back().unit = header_unit(updated.back().text);
    } else if (auto kind = classify_header_cell(cell.text); kind && !complete) {
      updated.push_back(HeaderColumn{*kind, cell.text, header_unit(cell.text)});
    } else {
      return false;
    }
  }
  columns = std::move(updated);
  return true;
}

// Drops an enumerator in front of a row name: "1、", "（1）", "1.".
std::string strip_enumerator(std::string name) {
  std::size_t i = 0;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9') ++i;
  if (i > 0 && i < name.size()) {
    for (std::string_view sep : {"、", ".", "．"}) {
      if (std::string_view(name).substr(i, sep.size()) == sep) return name.substr(i + sep.size());
    }
  }
  return name;
}

bool is_total_row(std::string_view name) {
  for (std::string_view word : {"合计", "总计", "小计", "共计"})
    if (starts_with(name, word)) return true;
  return false;
}

class TableReader {
 public:
  TableReader(const std::string& sub_project, Project& project)
      : sub_project_(sub_project), project_(project) {}

  void read(const TextLine& line) {
    if (has_replacement_char(line.text) &&
        (!columns_.empty() || line.text.find_first_of("0123456789") != std::string::npos)) {
      // A table row (or a header) garbled by OCR: the items cannot all be read.
      garbled_ = garbled_.merged(line.span());
      reset();
      return;
    }
    if (has_replacement_char(line.text)) garbled_text_ = garbled_text_.merged(line.span());
    if (has_sentence_punctuation(line.text)) {  // prose: neither header, row nor row name
      reset();
      return;
    }
    std::vector<Cell> cells = parse_cells(line.text);
    if (auto header = parse_header(cells)) {
      columns_ = std::move(*header);
      caption_ = pending_.empty() ? std::string() : pending_.front().text;
      pending_.clear();
      continuing_header_ = true;
      return;
    }
    if (continuing_header_ && continue_header(cells, columns_)) return;
    continuing_header_ = false;
    if (read_row(line, cells)) return;
    if (!columns_.empty() && !has_sentence_punctuation(line.text) &&
        line.text.find_first_of("0123456789") != std::string::npos) {
      // Numbers in a table that do not make a row: the items here cannot all be read.
      garbled_ = garbled_.merged(line.span());
      pending_.clear();
      return;
    }
    bool short_line = code_points(line.text) <= 40 && !has_sentence_punctuation(line.text);
    if (short_line && !cells.empty() && !cells.front().is_value) {
      pending_.push_back(line);  // a row name wrapped above its numbers, or a caption
    } else {
      reset();
    }
  }

 private:
  bool read_row(const TextLine& line, std::vector<Cell> cells) {
    if (has_sentence_punctuation(line.text)) return false;
    if (cells.size() >= 2 && cells[0].is_value && cells[0].value.unit.empty() &&
        plain_integer(cells[0].value.number) && !cells[1].is_value)
      cells.erase(cells.begin());  // a 序号 column
    std::size_t first_value = cells.size();
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].is_value) {
        first_value = k;
        break;
      }
    }
    if (first_value == cells.size()) return false;
    for (std::size_t k = first_value; k < cells.size(); ++k)
      if (!cells[k].is_value) return false;
    if (columns_.empty()) {  // numbers outside a table
      // …unless a garbled line above was its header: then its rows cannot be read.
      if (!garbled_text_.empty()) garbled_ = garbled_.merged(garbled_text_).merged(line.span());
      pending_.clear();
      return true;
    }
    if (first_value > 0 && is_total_row(strip_enumerator(cells[0].text))) {
      pending_.clear();
      return true;
    }
    std::string name;
    SourceSpan span = line.span();
    for (const TextLine& p : pending_) {
      name = join_wrapped(name, strip_whitespace(p.text));
      span = span.merged(p.span());
    }
    for (std::size_t k = 0; k < first_value; ++k) name = join_wrapped(name, cells[k].text);
    pending_.clear();
    name = strip_enumerator(name);
    if (is_total_row(name)) return true;
    if (name.empty()) name = caption_;

    std::vector<Value> values;
    for (std::size_t k = first_value; k < cells.size(); ++k) values.push_back(cells[k].value);
    std::vector<const HeaderColumn*> value_columns;
    for (const HeaderColumn& c : columns_)
      if (is_value_column(c.kind)) value_columns.push_back(&c);

    LineItem item;
    item.name = name;
    item.sub_project = sub_project_;
    item.span = span;
    auto assign = [&](const HeaderColumn& column, const Value& value) {
      std::string unit = value.unit.empty() ? column.unit : value.unit;
      switch (column.kind) {
        case Column::kQuantity:
          item.quantity = value.number;
          item.quantity_unit = unit;
          break;
        case Column::kUnitPrice:
          item.unit_price = value.number;
          item.unit_price_unit = unit;
          break;
        case Column::kAmount:
          item.amount = value.number;
          item.amount_unit = unit;
          break;
        default:
          break;
      }
    };
    const HeaderColumn* amount_column = nullptr;
    for (const HeaderColumn* c : value_columns)
      if (c->kind == Column::kAmount) amount_column = c;
    if (values.size() == value_columns.size()) {
      for (std::size_t k = 0; k < values.size(); ++k) assign(*value_columns[k], values[k]);
    } else if (values.size() == 1 && amount_column) {
      assign(*amount_column, values[0]);
    } else {
      if (!value_columns.empty() && value_columns.back()->kind == Column::kAmount)
        assign(*value_columns.back(), values.back());
      project_.unreadable.push_back(Unreadable{
          "line_items[" + std::to_string(project_.line_items.size()) + "]", span,
          "该行有 " + std::to_string(values.size()) + " 个数，表头有 " +
              std::to_string(value_columns.size()) + " 个数值列，无法对应；只取最后一列金额"});
    }
    project_.line_items.push_back(std::move(item));
    return true;
  }

  void reset() {
    columns_.clear();
    pending_.clear();
    caption_.clear();
    continuing_header_ = false;
  }

 public:
  // Reports garbled table rows once per project (the list of items is then incomplete).
  void finish() {
    if (garbled_.empty()) return;
    for (const Unreadable& u : project_.unreadable)
      if (u.field == "line_items") return;
    project_.unreadable.push_back(Unreadable{
        "line_items", garbled_, "预算明细表中有读不出的行（OCR 乱码或列不齐），明细不全或不能确认"});
  }

 private:
  const std::string& sub_project_;
  Project& project_;
  SourceSpan garbled_;       // table lines that could not be read
  SourceSpan garbled_text_;  // any garbled line of the section so far
  std::vector<HeaderColumn> columns_;
  std::vector<TextLine> pending_;
  std::string caption_;
  bool continuing_header_ = false;
};

}  // namespace

void read_line_items(std::span<const TextLine> lines, const std::string& sub_project,
                     Project& project) {
  TableReader reader(sub_project, project);
  for (const TextLine& line : lines) reader.read(line);
  reader.finish();
}

}  // namespace jixiao
