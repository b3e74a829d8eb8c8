// Line rebuilding from word boxes (ingest/pdf_layout.h), on hand-placed words.
#include "ingest/pdf_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jixiao {
namespace {

constexpr double kEm = 12;  // font size of the hand-placed words

// A word of `chars` full-width characters (or the given width) at (x, top), one em tall.
PdfWord word(std::string text, double x, double top, double width, bool cjk = true) {
  return PdfWord{std::move(text), x, top, x + width, top + kEm, false, cjk ? kEm : 0};
}

PdfPageWords page_of(std::vector<PdfWord> words, int number = 1, double height = 842) {
  return PdfPageWords{number, 595, height, std::move(words)};
}

std::vector<std::string> texts(const TextLines& lines) {
  std::vector<std::string> out;
  for (const TextLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(PdfLayout, GroupsWordsByVerticalOverlapAndOrdersThemByX) {
  // Given out of order, and one word 1.5 pt lower (a different baseline in the same row).
  TextLines lines = rebuild_page_lines(page_of({
      word("二级指标", 300, 100, 48),
      word("一级指标", 100, 101.5, 48),
      word("第二行", 100, 130, 36),
  }));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "一级指标\t二级指标");
  EXPECT_EQ(lines[1].text, "第二行");
  ASSERT_TRUE(lines[0].box.has_value());
  EXPECT_EQ(lines[0].box->page, 1);
  EXPECT_DOUBLE_EQ(lines[0].box->x0, 100);
  EXPECT_DOUBLE_EQ(lines[0].box->y0, 100);
  EXPECT_DOUBLE_EQ(lines[0].box->x1, 348);
  EXPECT_DOUBLE_EQ(lines[0].box->y1, 113.5);
}

TEST(PdfLayout, ALabelCentredBesideATwoLineCellReadsWithThatCell) {
  // "主管部门" centred beside a two-line cell: its centre lies in neither wrapped line, but the
  // centres of the label and of the whole cell agree, so they are one row (tests/ingest/
  // pdf_cells_test.cpp covers rows and merged cells in detail).
  TextLines lines = rebuild_page_lines(page_of({
      word("上海市松江区人", 200, 100, 84),
      word("主管部门", 100, 106, 48),
      word("民政府办公室", 200, 112, 72),
  }));
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"主管部门\t上海市松江区人民政府办公室"}));
}

TEST(PdfLayout, ColumnGapIsATabNarrowCjkGapIsNothingLatinGapIsASpace) {
  TextLines lines = rebuild_page_lines(page_of({
      // 0.9 em between two cells → tab.
      word("项目名称", 100, 100, 48), word("东西部扶贫帮困", 158.8, 100, 84),
      // 0.3 em between two CJK words (poppler splits at small gaps) → joined.
      word("按照本市预算", 100, 130, 72), word("绩效管理", 175.6, 130, 48),
      // Digits and CJK 0.3 em apart → a space, as printed ("2024 年").
      word("实施周期为", 100, 160, 60), word("2024", 63.6 + 100, 160, 24, false),
      word("年", 191.2, 160, 12),
  }));
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"项目名称\t东西部扶贫帮困",
                                                     "按照本市预算绩效管理",
                                                     "实施周期为 2024 年"}));
}

TEST(PdfLayout, EmFallsBackToTheLineThenToTheBoxHeight) {
  // No word knows its em: the box height (12) decides; 11 pt is below one em but above 0.8 em.
  TextLines lines = rebuild_page_lines(page_of({
      word("12,000", 100, 100, 36, false), word("3,400", 147, 100, 30, false),
      word("abc", 100, 130, 18, false), word("def", 121, 130, 18, false),
  }));
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"12,000\t3,400", "abc def"}));
}

TEST(PdfLayout, LetterSpacedLabelIsOneWord) {
  // Distributed alignment: "项 目 名 称" with equal 8 pt gaps, then a value cell.
  TextLines lines = rebuild_page_lines(page_of({
      word("项", 100, 100, 12), word("目", 120, 100, 12), word("名", 140, 100, 12),
      word("称", 160, 100, 12), word("法律顾问费", 200, 100, 60),
  }));
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"项目名称\t法律顾问费"}));
}

TEST(PdfLayout, SingleLetterCellsOnColumnEdgesAreNotLetterSpacing) {
  // Header "类 款 项" over code columns that wide gaps establish on the rows below.
  std::vector<PdfWord> words = {word("类", 100, 100, 12), word("款", 130, 100, 12),
                                word("项", 160, 100, 12)};
  for (double top : {130.0, 160.0}) {
    words.push_back(word("201", 100, top, 18, false));
    words.push_back(word("05", 130, top, 12, false));
    words.push_back(word("02", 160, top, 12, false));
  }
  TextLines lines = rebuild_page_lines(page_of(words));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "类\t款\t项");
  EXPECT_EQ(lines[1].text, "201\t05\t02");
}

TEST(PdfLayout, NarrowGapRepeatedDownATableIsACellBoundary) {
  // A right-aligned amount filling its cell, 4 pt (0.33 em) before the next cell, on three rows
  // that also have wide gaps; the same 4 pt in a prose line stays a space.
  std::vector<PdfWord> words;
  const char* labels[] = {"一、财政拨款收入", "二、事业收入", "三、其他收入"};
  for (int r = 0; r < 3; ++r) {
    double top = 100 + 25 * r;
    words.push_back(word(labels[r], 60, top, 96));
    words.push_back(word("96,282,213.44", 250, top, 78, false));
    words.push_back(word("支出项目", 332, top, 48));
  }
  words.push_back(word("说明", 226, 200, 24));  // prose: no wide gap on this line
  words.push_back(word("96,282,213.44", 250, 200, 78, false));
  words.push_back(word("支出项目", 332, 200, 48));
  TextLines lines = rebuild_page_lines(page_of(words));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "一、财政拨款收入\t96,282,213.44\t支出项目");
  EXPECT_EQ(lines[2].text, "三、其他收入\t96,282,213.44\t支出项目");
  EXPECT_EQ(lines[3].text, "说明96,282,213.44 支出项目");
}

TEST(PdfLayout, ListMarkersKeepTheirSpaceEvenWhenRepeated) {
  std::vector<PdfWord> words;
  const char* markers[] = {"1.", "2.", "3."};
  for (int r = 0; r < 3; ++r) {
    double top = 100 + 25 * r;
    words.push_back(word(markers[r], 60, top, 12, false));
    words.push_back(word("一般公共预算", 78, top, 72));  // 6 pt = 0.5 em after the marker
    words.push_back(word("100.00", 300, top, 36, false));
  }
  TextLines lines = rebuild_page_lines(page_of(words));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "1. 一般公共预算\t100.00");
}

// A top-aligned row whose value cell wraps: the second line holds only the rest of that cell.
std::vector<PdfWord> wrapped_row(double second_line_top, double department_width) {
  return {word("主管部门", 60, 100, 48), word("上海市松江区人民政府办", 120, 100, department_width),
          word("实施单位", 264, 100, 48), word("上海市松江区人民政府办公室（本级）", 330, 100, 204),
          word("公室", 120, second_line_top, 24)};
}

TEST(PdfLayout, WrappedCellOfATableRowIsFoldedIntoItsCell) {
  // The department text fills its cell (132 pt, 12 pt before the next label): it had to wrap.
  TextLines lines = rebuild_page_lines(page_of(wrapped_row(112, 132)));
  EXPECT_EQ(texts(lines), (std::vector<std::string>{
                              "主管部门\t上海市松江区人民政府办公室\t实施单位\t上海市松江区人民政府办公室（本级）"}));
  EXPECT_DOUBLE_EQ(lines[0].box->y1, 124);
}

TEST(PdfLayout, LineUnderANotFullCellIsNotAContinuation) {
  // The same words, but the cell above is far from full (60 pt of text, 84 pt to the next cell):
  // the line below is something else and stays a line of its own.
  TextLines lines = rebuild_page_lines(page_of(wrapped_row(112, 60)));
  EXPECT_EQ(lines.size(), 2u);
}

TEST(PdfLayout, LineFarBelowARowIsNotAContinuation) {
  TextLines lines = rebuild_page_lines(page_of(wrapped_row(124, 132)));  // one em of space
  EXPECT_EQ(lines.size(), 2u);
}

TEST(PdfLayout, LinesAreNormalised) {
  TextLines lines = rebuild_page_lines(page_of({word("＞＝９０％", 100, 100, 60)}));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, ">=90%");
}

TEST(PdfLayout, BlankWordsAndEmptyPagesGiveNoLines) {
  EXPECT_TRUE(rebuild_page_lines(page_of({word("  ", 100, 100, 12)})).empty());
  EXPECT_TRUE(rebuild_page_lines(page_of({})).empty());
}

TEST(PdfLayout, NumbersLinesConsecutivelyAcrossPages) {
  TextLines lines = assemble_pdf_lines({
      page_of({word("第一页甲", 100, 100, 48), word("第一页乙", 100, 130, 48)}, 1),
      page_of({}, 2),
      page_of({word("第三页", 100, 100, 36)}, 3),
  });
  ASSERT_EQ(lines.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(lines[static_cast<std::size_t>(i)].number, i + 1);
  EXPECT_EQ(lines[2].box->page, 3);
}

// A spreadsheet-made PDF draws a cell straddling a page break on both pages; the clipped copies
// come back from the text layer: page 1 ends with lines B C D, page 2 starts with B C D again.
TEST(PdfLayout, ClippedCopiesAtAPageBreakAreReadOnce) {
  std::vector<PdfWord> first = {word("一、部门主要职能说明文字甲", 100, 400, 156),
                                word("二、组织协调本区商品交易乙", 100, 700, 156),
                                word("三、负责标准化菜市场管理丙", 100, 720, 156),
                                word("四、完成区委交办的其他任务", 100, 740, 156)};
  std::vector<PdfWord> second = {word("二、组织协调本区商品交易乙", 100, -5, 156),
                                 word("三、负责标准化菜市场管理丙", 100, 15, 156),
                                 word("四、完成区委交办的其他任务", 100, 35, 156),
                                 word("五、新的内容", 100, 80, 72)};
  TextLines lines = assemble_pdf_lines({page_of(first, 1), page_of(second, 2)});
  EXPECT_EQ(texts(lines),
            (std::vector<std::string>{"一、部门主要职能说明文字甲", "二、组织协调本区商品交易乙",
                                      "三、负责标准化菜市场管理丙", "四、完成区委交办的其他任务",
                                      "五、新的内容"}));
  // The copy that runs off the top of page 2 is the dropped one; the rest stay on page 1.
  EXPECT_EQ(lines[1].box->page, 1);
  EXPECT_EQ(lines[3].box->page, 1);
  EXPECT_EQ(lines[4].box->page, 2);
  EXPECT_EQ(lines[4].number, 5);
}

TEST(PdfLayout, ShortRepeatsAtAPageBreakAreKept) {
  // A one-line repeat of under 16 characters can be real (the same short row on both pages).
  TextLines lines = assemble_pdf_lines({page_of({word("合计", 100, 700, 24)}, 1),
                                        page_of({word("合计", 100, 80, 24)}, 2)});
  EXPECT_EQ(lines.size(), 2u);
}

TEST(PdfLayout, CopyRunningOffTheBottomOfTheUpperPageIsTheOneDropped) {
  std::vector<TextLines> pages(2);
  auto line = [](std::string text, int page, double y0, double y1) {
    return TextLine{std::move(text), 0, PageBox{page, 100, y0, 300, y1}};
  };
  pages[0] = {line("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳", 1, 100, 112),
              line("午未申酉戌亥甲乙丙丁戊己庚辛壬癸", 1, 835, 847)};
  pages[1] = {line("午未申酉戌亥甲乙丙丁戊己庚辛壬癸", 2, 60, 72), line("后文", 2, 90, 102)};
  drop_page_break_duplicates(pages, {842, 842});
  ASSERT_EQ(pages[0].size(), 1u);
  ASSERT_EQ(pages[1].size(), 2u);
  EXPECT_EQ(pages[1][0].box->page, 2);
}

}  // namespace
}  // namespace jixiao
