#include "ingest/form_head.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>

#include "ingest/form_goals.h"
#include "ingest/form_head_scan.h"
#include "ingest/form_labels.h"
#include "ingest/form_ocr.h"
#include "ingest/form_values.h"
#include "ingest/normalize.h"
#include "model/date.h"
#include "model/money.h"

namespace jixiao::form {
namespace {

// "1,234.5": a decimal point followed by exactly one digit.
bool one_decimal_digit(std::string_view amount) {
  std::size_t dot = amount.rfind('.');
  return dot != std::string_view::npos && amount.size() == dot + 2 && amount[dot + 1] >= '0' &&
         amount[dot + 1] <= '9';
}

// Row captions that carry no value: 项目资金（元）, 项目绩效目标 and the table's 绩效指标. A layout
// that reads across cells (OCR) scatters their pieces ("项目", "资金", "（元）", "绩") among the
// values of the rows they span.
constexpr std::array<std::u32string_view, 4> kCaptions = {
    U"项目资金(元)", U"项目资金(万元)", U"项目绩效目标", U"绩效指标"};

bool is_caption_piece(std::u32string_view key) {
  if (key.empty()) return false;
  return std::any_of(kCaptions.begin(), kCaptions.end(), [&](std::u32string_view caption) {
    return caption.find(key) != std::u32string_view::npos;
  });
}

// Drops caption pieces printed on one line with other words of a value (OCR reading across
// cells). A piece alone on its line is the wrapped end of the value itself ("服务项\n目").
std::vector<TokenPiece> without_captions(const Tokens& tokens, std::vector<TokenPiece> pieces) {
  if (pieces.size() < 2) return pieces;
  auto row = [&](const TokenPiece& p) { return tokens[static_cast<std::size_t>(p.token)].row; };
  std::vector<TokenPiece> kept;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    bool shares_line = (k > 0 && row(pieces[k - 1]) == row(pieces[k])) ||
                       (k + 1 < pieces.size() && row(pieces[k + 1]) == row(pieces[k]));
    if (!shares_line || !is_caption_piece(folded_u32(pieces[k].text)))
      kept.push_back(pieces[k]);
  }
  return kept;
}

// A head label the scan did not find whose piece ("类别", "计划开始") stands in some value: the
// layout tore the label apart, so its field is in the form but cannot be read.
// OCR garbles a label by inserting U+FFFD as well as by replacing a character: "项目�性质" with the
// mark dropped is the whole label (or starts with it), which the scan could not match.
bool is_piece_of(std::u32string_view piece, std::u32string_view label) {
  std::u32string clean;
  for (char32_t c : piece)
    if (c != U'\uFFFD') clean.push_back(c);
  // OCR joins a letter-spaced label to its letter-spaced value: "项目�性质其他经常性项目".
  if (clean.size() != piece.size() && std::u32string_view(clean).substr(0, label.size()) == label)
    return true;
  if (clean.size() < 2 || clean.size() >= label.size()) return false;
  return label.substr(0, clean.size()) == clean || label.substr(label.size() - clean.size()) == clean;
}

class HeadReader {
 public:
  HeadReader(const Tokens& tokens, const std::vector<StreamChar>& stream, Project& project)
      : tokens_(tokens), stream_(stream), project_(project) {}

  std::size_t read() {
    std::size_t table_start = scan();
    flat_ = flat_head(table_start);
    find_garbled_labels(stream_, table_start, found_);
    if (found_.empty()) {
      if (!tokens_.empty())
        unreadable("form", span_of(tokens_, 0, tokens_.size() - 1), "未找到申报表的字段标签");
      return table_start;
    }
    bool wan = false;
    int other_seen = 0;
    for (std::size_t i = 0; i < found_.size(); ++i) {
      const Found& f = found_[i];
      std::size_t end = i + 1 < found_.size() ? found_[i + 1].begin : table_start;
      std::vector<TokenPiece> pieces = pieces_of(stream_, tokens_, f.end, end);
      SourceSpan label_span = span_of(tokens_, static_cast<std::size_t>(stream_[f.begin].token),
                                      static_cast<std::size_t>(stream_[f.end - 1].token));
      int label_row = tokens_[static_cast<std::size_t>(stream_[f.end - 1].token)].row;
      Funds& funds = project_.funds;
      pieced_ = flat_ && pieced_by_ocr(f.end, end);
      switch (f.label) {
        case FieldLabel::kName: read_text(project_.name, f.label, pieces, label_span, label_row); break;
        case FieldLabel::kNature: read_text(project_.nature, f.label, pieces, label_span, label_row); break;
        case FieldLabel::kCategory: read_text(project_.category, f.label, pieces, label_span, label_row); break;
        case FieldLabel::kDepartment:
          read_text(project_.department, f.label, pieces, label_span, label_row);
          break;
        case FieldLabel::kImplementer:
          read_text(project_.implementer, f.label, pieces, label_span, label_row);
          break;
        case FieldLabel::kStart: read_date(project_.start, f.label, pieces, label_span); break;
        case FieldLabel::kEnd: read_date(project_.end, f.label, pieces, label_span); break;
        case FieldLabel::kFundsHeader: wan = f.wan; break;
        case FieldLabel::kTotal: read_money(funds.total, f.label, pieces, label_span, wan); break;
        case FieldLabel::kFiscal: read_money(funds.fiscal, f.label, pieces, label_span, wan); break;
        case FieldLabel::kAnnualTotal:
          read_money(funds.annual_total, f.label, pieces, label_span, wan);
          break;
        case FieldLabel::kAppropriation:
          read_money(funds.current_appropriation, f.label, pieces, label_span, wan);
          break;
        case FieldLabel::kCarryover:
          read_money(funds.carryover, f.label, pieces, label_span, wan);
          break;
        case FieldLabel::kOther: {
          // Printed twice: left column (项目资金) first, right column (年度资金) second. A lone one
          // belongs to the column whose amounts precede it.
          bool right = other_seen == 1;
          if (other_seen == 0 && i > 0) {
            bool two = std::count_if(found_.begin(), found_.end(), [](const Found& x) {
                         return x.label == FieldLabel::kOther;
                       }) >= 2;
            FieldLabel before = found_[i - 1].label;
            right = !two && (before == FieldLabel::kCarryover ||
                             before == FieldLabel::kAppropriation ||
                             before == FieldLabel::kAnnualTotal);
          }
          ++other_seen;
          if (right) {
            read_money(funds.annual_other, FieldLabel::kOther, pieces, label_span, wan,
                       "funds_yuan.annual_other");
          } else {
            read_money(funds.other, FieldLabel::kOther, pieces, label_span, wan);
          }
          break;
        }
        case FieldLabel::kGoalsHeader:
        case FieldLabel::kOverallGoal:
        case FieldLabel::kAnnualGoal:
        case FieldLabel::kTableHeader: break;
      }
    }
    flag_torn_labels(table_start);
    flag_flat_absent(table_start);
    flag_rows_with_stray_words();
    flag_misplaced_amounts();
    read_goals(table_start);
    return table_start;
  }

 private:
  std::size_t scan() {
    Phase phase = Phase::kFields;
    for (std::size_t pos = 0; pos < stream_.size();) {
      std::optional<Found> m = match_label(stream_, pos, phase);
      if (!m) {
        ++pos;
        continue;
      }
      if (m->label == FieldLabel::kTableHeader) return include_caption(stream_, pos);
      found_.push_back(*m);
      pos = m->end;
      if (m->label == FieldLabel::kOverallGoal && phase == Phase::kFields)
        phase = Phase::kAfterOverallGoal;
      if (m->label == FieldLabel::kAnnualGoal) phase = Phase::kAfterAnnualGoal;
    }
    std::size_t from = found_.empty() ? 0 : found_.back().end;
    return include_caption(stream_, first_class_label(stream_, from));
  }

  bool first_time(FieldLabel label, std::string_view field) {
    return seen_.insert(std::string(field.empty() ? field_name(label) : field)).second;
  }

  void unreadable(std::string_view field, const SourceSpan& span, std::string reason) {
    project_.unreadable.push_back(Unreadable{std::string(field), span, std::move(reason)});
  }

  bool is_unreadable(std::string_view field) const {
    return std::any_of(project_.unreadable.begin(), project_.unreadable.end(),
                       [&](const Unreadable& u) { return u.field == field; });
  }

  SourceSpan span_or(const std::vector<TokenPiece>& pieces, const SourceSpan& fallback) const {
    if (pieces.empty()) return fallback;
    return span_of(tokens_, static_cast<std::size_t>(pieces.front().token),
                   static_cast<std::size_t>(pieces.back().token));
  }

  const Token& token_of(const TokenPiece& piece) const {
    return tokens_[static_cast<std::size_t>(piece.token)];
  }

  // Text of one cell value. Words of one line that are not one cell's text (two cells of a table
  // export, or words OCR printed apart between Chinese text) set `stray_row` to their line.
  std::string cell_text(std::vector<TokenPiece>& pieces, std::optional<int>& stray_row) const {
    pieces = without_captions(tokens_, std::move(pieces));
    stray_row.reset();
    if (!pieces.empty()) {
      std::string& first = pieces.front().text;
      while (!first.empty() && first.front() == ':') first.erase(0, 1);
      if (first.substr(0, 3) == "：") first.erase(0, 3);
    }
    for (std::size_t k = 1; k < pieces.size(); ++k) {
      const Token& a = token_of(pieces[k - 1]);
      const Token& b = token_of(pieces[k]);
      if (a.row != b.row || pieces[k - 1].text.empty() || pieces[k].text.empty()) continue;
      unsigned char last = static_cast<unsigned char>(pieces[k - 1].text.back());
      unsigned char first = static_cast<unsigned char>(pieces[k].text.front());
      if (a.cell != b.cell || (last >= 0x80 && first >= 0x80)) stray_row = a.row;
    }
    return join_pieces(pieces);
  }

  void read_text(Field<std::string>& field, FieldLabel label, std::vector<TokenPiece> pieces,
                 const SourceSpan& label_span, int label_row) {
    if (!first_time(label, "")) return;
    std::optional<int> stray_row;
    std::string text = cell_text(pieces, stray_row);
    field.span = span_or(pieces, label_span);
    TextRead read{std::string(field_name(label)), field.span, {}};
    for (const TokenPiece& piece : pieces) read.rows.insert(token_of(piece).row);
    // A blank value is read on its label's line: stray words there may be its text.
    if (pieces.empty()) read.rows.insert(label_row);
    texts_.push_back(read);
    if (text.empty()) return flag_flat_blank(field_name(label), field.span);
    field.value = text;
    if (stray_row) {
      stray_rows_.insert(*stray_row);
      unreadable(field_name(label), field.span,
                 "该栏文字与相邻单元格的文字交错，无法确定边界：" + text);
    } else if (pieced_) {
      // The cells before it on its row may have wrapped into the spaced text too: they are
      // flagged with it (flag_rows_with_stray_words).
      stray_rows_.insert(token_of(pieces.front()).row);
      unreadable(field_name(label), field.span,
                 "OCR 逐字分开的文字可能连着相邻单元格换行的文字，无法确定本栏在何处结束：" + text);
    } else if (looks_garbled(text)) {
      unreadable(field_name(label), field.span, "含无法识别的字符：" + text);
    }
  }

  void read_date(Field<Date>& field, FieldLabel label, std::vector<TokenPiece> pieces,
                 const SourceSpan& label_span) {
    if (!first_time(label, "")) return;
    std::optional<int> stray_row;
    std::string text = strip_whitespace(cell_text(pieces, stray_row));
    field.span = span_or(pieces, label_span);
    if (text.empty()) return flag_flat_blank(field_name(label), field.span);
    std::optional<Date> date = stray_row ? std::nullopt : Date::parse(text);
    if (stray_row) stray_rows_.insert(*stray_row);
    if (date) {
      field.value = *date;
    } else {
      unreadable(field_name(label), field.span, "无法读作日期：" + text);
    }
  }

  void read_money(Field<Money>& field, FieldLabel label, std::vector<TokenPiece> pieces,
                  const SourceSpan& label_span, bool wan, std::string_view name = "") {
    std::string_view json_name = name.empty() ? field_name(label) : name;
    if (!first_time(label, json_name)) return;
    // Pieces of one wrapped amount sit on different lines; two pieces on one line are two cells.
    std::optional<int> stray_row;
    std::string text = strip_whitespace(cell_text(pieces, stray_row));
    field.span = span_or(pieces, label_span);
    for (std::size_t k = 1; k < pieces.size(); ++k)
      if (token_of(pieces[k - 1]).row == token_of(pieces[k]).row) stray_row = token_of(pieces[k]).row;
    for (std::string_view unit : {std::string_view("万元"), std::string_view("元")}) {
      if (text.size() >= unit.size() && text.substr(text.size() - unit.size()) == unit) {
        wan = wan || unit == "万元";
        text.erase(text.size() - unit.size());
        break;
      }
    }
    money_reads_.push_back(MoneyRead{std::string(json_name), &field, text.empty()});
    if (text.empty()) return flag_flat_blank(json_name, field.span);
    static constexpr std::array<std::string_view, 5> kBlank = {"-", "—", "/", "无", "－"};
    if (text.empty() || std::find(kBlank.begin(), kBlank.end(), text) != kBlank.end()) return;
    if (stray_row) {
      stray_rows_.insert(*stray_row);
      misplaced_amounts_ = true;
      unreadable(json_name, field.span, "金额处有多个数值（单元格交错），无法确定：" + text);
      return;
    }
    if (!wan && one_decimal_digit(text)) {
      // Forms print yuan with two decimals or none: "25,814,622.6" is a cell whose last digit
      // wrapped out of reach ("…622.6" + "5"), not 25,814,622.60.
      unreadable(json_name, field.span, "金额只有一位小数，末位数字可能折到了别处：" + text);
      return;
    }
    std::optional<Money> money = wan ? Money::parse_wan(text) : Money::parse_yuan(text);
    if (money) {
      field.value = *money;
    } else {
      unreadable(json_name, field.span, "无法读作金额：" + text);
    }
  }

  // Fields whose label the layout tore apart: a piece of the missing label stands in a value.
  void flag_torn_labels(std::size_t table_start) {
    std::set<FieldLabel> missing;
    for (FieldLabel label : {FieldLabel::kName, FieldLabel::kNature, FieldLabel::kCategory,
                             FieldLabel::kDepartment, FieldLabel::kImplementer,
                             FieldLabel::kStart, FieldLabel::kEnd, FieldLabel::kTotal,
                             FieldLabel::kFiscal, FieldLabel::kAnnualTotal,
                             FieldLabel::kAppropriation, FieldLabel::kCarryover}) {
      if (std::none_of(found_.begin(), found_.end(), [&](const Found& f) { return f.label == label; }))
        missing.insert(label);
    }
    if (missing.empty()) return;
    // Words of the values only (not of the labels found), and not pieces of row captions.
    std::vector<TokenPiece> pieces;
    for (std::size_t i = 0; i < found_.size(); ++i) {
      FieldLabel label = found_[i].label;
      if (label == FieldLabel::kGoalsHeader || label == FieldLabel::kOverallGoal ||
          label == FieldLabel::kAnnualGoal)
        continue;  // running text, not cells
      std::size_t end = i + 1 < found_.size() ? found_[i + 1].begin : table_start;
      for (TokenPiece& piece : pieces_of(stream_, tokens_, found_[i].end, end))
        pieces.push_back(std::move(piece));
    }
    for (const TokenPiece& piece : pieces) {
      std::u32string key = folded_u32(piece.text);
      if (is_caption_piece(key)) continue;
      for (const FieldLabelSpelling& spelling : field_label_spellings()) {
        if (!missing.count(spelling.label) || !is_piece_of(key, spelling.key)) continue;
        std::string_view field = field_name(spelling.label);
        if (is_unreadable(field)) continue;
        unreadable(field, span_of(tokens_, static_cast<std::size_t>(piece.token),
                                  static_cast<std::size_t>(piece.token)),
                   (piece.text.find("\xEF\xBF\xBD") != std::string::npos
                        ? "该栏的标签含无法识别的字符，无法读出："
                        : "该栏的标签被拆散（单元格交错），无法读出：") +
                       piece.text);
      }
    }
  }

  // A line holding stray words (the wrapped rest of some cell, printed after the other cells of
  // the line by a layout that reads across cells) leaves every text value read from that line
  // possibly cut short.
  void flag_rows_with_stray_words() {
    for (const TextRead& read : texts_) {
      if (is_unreadable(read.field)) continue;
      bool on_stray_row = std::any_of(read.rows.begin(), read.rows.end(),
                                      [&](int row) { return stray_rows_.count(row) > 0; });
      if (on_stray_row)
        unreadable(read.field, read.span,
                   "同一行有与其他单元格交错的文字，无法确定本栏文字是否完整");
    }
  }

  // When amounts stand together away from their labels, a label followed by no amount is not
  // blank: its amount is among the misplaced ones.
  void flag_misplaced_amounts() {
    if (!misplaced_amounts_) return;
    for (const MoneyRead& read : money_reads_)
      if (read.empty && !is_unreadable(read.field))
        unreadable(read.field, read.target->span, "金额与标签错位（单元格交错），无法确定");
  }

  void read_goals(std::size_t table_start) {
    const Found* overall = nullptr;
    const Found* annual = nullptr;
    const Found* header = nullptr;
    std::size_t overall_end = table_start, annual_end = table_start, header_end = table_start;
    for (std::size_t i = 0; i < found_.size(); ++i) {
      std::size_t next = i + 1 < found_.size() ? found_[i + 1].begin : table_start;
      if (found_[i].label == FieldLabel::kOverallGoal && overall == nullptr)
        overall = &found_[i], overall_end = next;
      if (found_[i].label == FieldLabel::kAnnualGoal && annual == nullptr)
        annual = &found_[i], annual_end = next;
      if (found_[i].label == FieldLabel::kGoalsHeader && header == nullptr)
        header = &found_[i], header_end = next;
    }
    auto label_span = [&](const Found& f) {
      return span_of(tokens_, static_cast<std::size_t>(stream_[f.begin].token),
                     static_cast<std::size_t>(stream_[f.end - 1].token));
    };
    auto set_goal = [&](Field<std::string>& field, const std::vector<TokenPiece>& pieces,
                        const SourceSpan& fallback) {
      field.span = span_or(pieces, fallback);
      std::string text = join_pieces(pieces);
      if (!text.empty()) field.value = text;
    };
    std::vector<TokenPiece> overall_pieces, annual_pieces;
    if (overall != nullptr)
      overall_pieces = pieces_of(stream_, tokens_, skip_period(stream_, overall->end, overall_end),
                                 overall_end);
    if (annual != nullptr) annual_pieces = pieces_of(stream_, tokens_, annual->end, annual_end);

    if (read_flat_goals(overall, annual, overall_pieces, annual_pieces)) return;
    if (overall != nullptr && annual != nullptr && overall_pieces.empty()) {
      // Both headers first, then both texts.
      std::optional<GoalColumns> columns = split_goal_columns(tokens_, annual_pieces);
      if (columns) {
        project_.overall_goal.span = columns->first_span;
        if (!columns->first.empty()) project_.overall_goal.value = columns->first;
        project_.annual_goal.span = columns->second_span;
        if (!columns->second.empty()) project_.annual_goal.value = columns->second;
      } else if (!annual_pieces.empty()) {
        SourceSpan span = span_or(annual_pieces, label_span(*annual));
        project_.overall_goal.span = project_.annual_goal.span = span;
        std::string reason = "项目总目标与年度总体目标的文字前后相连，无法可靠分开";
        unreadable("overall_goal", span, reason);
        unreadable("annual_goal", span, reason);
      }
      return;
    }
    if (overall != nullptr) set_goal(project_.overall_goal, overall_pieces, label_span(*overall));
    if (annual != nullptr) set_goal(project_.annual_goal, annual_pieces, label_span(*annual));
    if (overall == nullptr && annual == nullptr && header != nullptr) {
      std::vector<TokenPiece> pieces = pieces_of(stream_, tokens_, header->end, header_end);
      if (!pieces.empty())
        unreadable("annual_goal", span_or(pieces, label_span(*header)),
                   "绩效目标栏没有“项目总目标/年度总体目标”标签，无法确定文字属于哪一项目标");
    }
  }

  // True when the value in stream [begin, end) was pieced together from OCR letter-spaced
  // one-character words (a join past its first character). Where one cell's spaced text ends and
  // the spaced wrapped rest of a neighbouring cell begins is then not in the text: OCR prints the
  // rest of a wrapped cell right after the next cell of its row ("上 海 市 … 管 理 所 财 政 局").
  bool pieced_by_ocr(std::size_t begin, std::size_t end) const {
    for (std::size_t k = begin + 1; k < end && k < stream_.size(); ++k)
      if (stream_[k].joined && stream_[k - 1].token == stream_[k].token) return true;
    return false;
  }

  // True when the whole head (up to the table) stands on one line: a form OCR flattened.
  bool flat_head(std::size_t table_start) const {
    std::size_t last = table_start < stream_.size()
                           ? static_cast<std::size_t>(stream_[table_start].token)
                           : tokens_.size();
    if (last < 2) return false;
    return std::all_of(tokens_.begin(), tokens_.begin() + static_cast<std::ptrdiff_t>(last),
                       [&](const Token& t) { return t.row == tokens_.front().row; });
  }

  // On a flattened form a label followed by no text is not a blank cell: its text may stand
  // elsewhere on the line, or the label itself may have been assembled from pieces of two cells
  // ("…服务项目" + "类别" reads 项目类别).
  void flag_flat_blank(std::string_view field, const SourceSpan& span) {
    if (flat_ && !is_unreadable(field))
      unreadable(field, span, "OCR 把整张表读成一行，此栏标签后没有读到文字，无法确定其内容");
  }

  // On a flattened form, a field every form has whose label was not found was torn apart or
  // garbled by OCR: it is unreadable, not absent. (项目性质 is printed on some forms only.)
  void flag_flat_absent(std::size_t table_start) {
    if (!flat_) return;
    static constexpr std::array<FieldLabel, 11> kEveryForm = {
        FieldLabel::kName,  FieldLabel::kCategory,    FieldLabel::kDepartment,
        FieldLabel::kImplementer, FieldLabel::kStart, FieldLabel::kEnd,
        FieldLabel::kTotal, FieldLabel::kFiscal,      FieldLabel::kAnnualTotal,
        FieldLabel::kAppropriation, FieldLabel::kCarryover};
    std::vector<std::string> fields;
    for (FieldLabel label : kEveryForm) fields.emplace_back(field_name(label));
    fields.emplace_back(field_name(FieldLabel::kOther));
    fields.emplace_back("funds_yuan.annual_other");
    std::size_t last = table_start < stream_.size()
                           ? static_cast<std::size_t>(stream_[table_start].token)
                           : tokens_.size() - 1;
    SourceSpan span = span_of(tokens_, 0, last);
    for (const std::string& field : fields)
      if (!seen_.count(field) && !is_unreadable(field))
        unreadable(field, span, "OCR 把整张表读成一行，未能认出此栏的标签，无法读出");
    // 项目性质 is optional, but a place reading as it but for one character shows it is there.
    std::string_view nature = field_name(FieldLabel::kNature);
    if (seen_.count(std::string(nature)) || is_unreadable(nature)) return;
    std::u32string key = fold_key(U"项目性质");
    for (std::size_t pos = 0; pos + key.size() <= table_start && pos + key.size() <= stream_.size(); ++pos) {
      std::size_t mismatches = 0;
      for (std::size_t k = 0; k < key.size(); ++k) mismatches += stream_[pos + k].key != key[k];
      if (mismatches == 1) {
        unreadable(nature, span, "OCR 把整张表读成一行，项目性质的标签有无法识别的字符，无法读出");
        return;
      }
    }
  }

  // Goals of a form OCR flattened into one line (form_ocr.h): the two columns' lines are
  // interleaved, so both goals are unreadable. False when the goals are not on one line.
  bool read_flat_goals(const Found* overall, const Found* annual,
                       const std::vector<TokenPiece>& overall_pieces,
                       const std::vector<TokenPiece>& annual_pieces) {
    std::vector<TokenPiece> all = overall_pieces;
    all.insert(all.end(), annual_pieces.begin(), annual_pieces.end());
    // One line holding the goal labels and the texts after them: not a row of a table.
    const Found* label = overall != nullptr ? overall : annual;
    if (label == nullptr || !on_one_line(tokens_, all) ||
        tokens_[static_cast<std::size_t>(stream_[label->begin].token)].row !=
            tokens_[static_cast<std::size_t>(all.front().token)].row)
      return false;
    SourceSpan span = span_or(all, span_of(tokens_, 0, tokens_.size() - 1));
    project_.overall_goal.span = project_.annual_goal.span = span;
    std::string reason = "OCR 把项目总目标与年度总体目标两栏的文字逐行交错读出，无法可靠分开";
    unreadable("overall_goal", span, reason);
    unreadable("annual_goal", span, reason);
    return true;
  }

  const Tokens& tokens_;
  const std::vector<StreamChar>& stream_;
  Project& project_;
  struct TextRead {
    std::string field;
    SourceSpan span;
    std::set<int> rows;  // lines its words were read from
  };
  struct MoneyRead {
    std::string field;
    Field<Money>* target;
    bool empty;
  };

  std::vector<Found> found_;
  std::set<std::string> seen_;
  std::vector<TextRead> texts_;
  std::vector<MoneyRead> money_reads_;
  std::set<int> stray_rows_;
  bool misplaced_amounts_ = false;
  bool flat_ = false;  // the head stands on one line (OCR)
  bool pieced_ = false;  // the value being read was joined from OCR letter-spacing (flat only)
};

}  // namespace

std::size_t parse_form_head(const Tokens& tokens, const std::vector<StreamChar>& stream,
                            Project& project) {
  return HeadReader(tokens, stream, project).read();
}

}  // namespace jixiao::form
