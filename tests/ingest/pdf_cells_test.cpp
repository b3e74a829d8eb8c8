// Cells and rows rebuilt from hand-placed word boxes (ingest/pdf_cells.h, through
// rebuild_page_lines): wrapped cells are joined, rows hold whole cells whatever the vertical
// alignment, merged cells read with the first row of their span, prose stays line by line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/pdf_layout.h"

namespace jixiao {
namespace {

constexpr double kEm = 12;  // font size of the hand-placed words

// A word of full-width characters `width` wide at (x, top), one em tall.
PdfWord word(std::string text, double x, double top, double width) {
  return PdfWord{std::move(text), x, top, x + width, top + kEm, false, kEm};
}

std::vector<std::string> texts(std::vector<PdfWord> words) {
  std::vector<std::string> out;
  for (const TextLine& l : rebuild_page_lines(PdfPageWords{1, 595, 842, std::move(words)}))
    out.push_back(l.text);
  return out;
}

TEST(PdfCells, WrappedNameInATopAlignedRowStaysInItsCell) {
  // 项目名称 | 等级保护测评升级改造（运维） | 项目性质 | … : the name wraps "（运维）" onto a line
  // of its own; the label after it is centred in its cell, 3.5 em of room away.
  EXPECT_EQ(texts({word("项目名称", 60, 100, 48), word("等级保护测评升级改造", 120, 100, 120),
                   word("项目性质", 282, 100, 48), word("跨年度项目", 350, 100, 60),
                   word("项目类别", 420, 100, 48), word("其他运转类", 480, 100, 60),
                   word("（运维）", 120, 112, 48)}),
            (std::vector<std::string>{"项目名称\t等级保护测评升级改造（运维）\t项目性质\t跨年度项目"
                                      "\t项目类别\t其他运转类"}));
}

TEST(PdfCells, CentredRowWithATwoLineCellIsOneRow) {
  // Word centres every cell: the one-line cells sit between the two lines of the wrapped one.
  EXPECT_EQ(texts({word("主管部门", 60, 106, 48), word("上海市松江区人民政府办", 120, 100, 132),
                   word("公室", 120, 112, 24), word("实施单位", 264, 106, 48),
                   word("上海市松江区人民政府办公室（本级）", 330, 106, 204)}),
            (std::vector<std::string>{
                "主管部门\t上海市松江区人民政府办公室\t实施单位\t上海市松江区人民政府办公室（本级）"}));
}

TEST(PdfCells, ValueWrappedInTheLastColumnIsOneValue) {
  // "≥3750.00(万条/月)" wraps after the slash; the last column ends at the table's right edge.
  EXPECT_EQ(texts({word("数据归集条数", 200, 106, 72), word("≥3750.00(万条/", 330, 100, 96),
                   word("月)", 330, 112, 18), word("年人均成本", 200, 140, 60),
                   word("≤20.00(万元/人)", 330, 140, 100)}),
            (std::vector<std::string>{"数据归集条数\t≥3750.00(万条/月)", "年人均成本\t≤20.00(万元/人)"}));
}

// An indicator table: header, then four rows (the third name wraps over two lines). 一级
// "产出指标" spans all four rows, 二级 "数量指标" rows 1–2 and "质量指标" rows 3–4. Rows are 8 pt
// apart (4 pt cell padding). `centred`: Word's centred cells, else text at the top of each cell.
std::vector<PdfWord> indicator_table(bool centred) {
  // Row r spans [top[r] - 4, bottom[r] + 4]; text bands of the rows:
  const double top[] = {100, 120, 140, 160, 192};
  const double bottom[] = {112, 132, 152, 184, 204};
  auto at = [&](int first_row, int last_row, int lines) {
    double cell_top = top[first_row] - 4, cell_bottom = bottom[last_row] + 4;
    return centred ? (cell_top + cell_bottom - lines * kEm) / 2 : cell_top + 4;
  };
  return {
      word("一级指标", 60, top[0], 48), word("二级指标", 130, top[0], 48),
      word("三级指标", 200, top[0], 48), word("指标值", 330, top[0], 36),
      word("产出指标", 60, at(1, 4, 1), 48),
      word("数量指标", 130, at(1, 2, 1), 48), word("质量指标", 130, at(3, 4, 1), 48),
      word("设备维护台数", 200, at(1, 1, 1), 72), word("≥18台", 330, at(1, 1, 1), 36),
      word("巡检次数", 200, at(2, 2, 1), 48), word("≥5900次", 330, at(2, 2, 1), 48),
      word("垃圾分类验收合格", 200, at(3, 3, 2), 120), word("率", 200, at(3, 3, 2) + kEm, 12),
      word("=100%", 330, at(3, 3, 1), 30),
      word("服务质量达标率", 200, at(4, 4, 1), 84), word("≥80%", 330, at(4, 4, 1), 24),
  };
}

const std::vector<std::string> kIndicatorRows = {
    "一级指标\t二级指标\t三级指标\t指标值",
    "产出指标\t数量指标\t设备维护台数\t≥18台",
    "巡检次数\t≥5900次",
    "质量指标\t垃圾分类验收合格率\t=100%",
    "服务质量达标率\t≥80%",
};

TEST(PdfCells, TopAlignedMergedLabelsReadWithTheFirstRowOfTheirSpan) {
  EXPECT_EQ(texts(indicator_table(false)), kIndicatorRows);
}

TEST(PdfCells, CentredMergedLabelsAreMovedToTheFirstRowOfTheirSpan) {
  // 产出指标 sits beside row 3, 数量指标 on the line between rows 1 and 2, 质量指标 between rows
  // 3 and 4: read as the top-aligned table reads, so that each label precedes its rows.
  EXPECT_EQ(texts(indicator_table(true)), kIndicatorRows);
}

TEST(PdfCells, MergedLabelsOnAPageThatContinuesATableStartAfterTheRowsOfTheSpanBefore) {
  // The page starts inside a table: row 1 ends the span of a 二级 label printed on the page
  // before, so nothing stands above 满意度指标 / 服务对象满意度指标 in their columns. They are
  // centred on row 3 and span rows 2–4: the first row boundary from which they are symmetric.
  EXPECT_EQ(texts({word("系统安全性可持续发展", 250, 72, 120), word("测评标准未大幅修", 400, 60, 96),
                   word("改时，当年等保测", 400, 72, 96), word("评分≥上一期分数", 400, 84, 96),
                   word("培训对象满意率", 250, 104, 84), word("≥90%", 400, 104, 36),
                   word("满意度指标", 60, 124, 60), word("服务对象满意度指标", 130, 124, 108),
                   word("使用人群满意度", 250, 124, 84), word("≥80%", 400, 124, 36),
                   word("用人单位满意度", 250, 144, 84), word("满意", 400, 144, 24)}),
            (std::vector<std::string>{"系统安全性可持续发展\t测评标准未大幅修改时，当年等保测评分≥上一期分数",
                                      "满意度指标\t服务对象满意度指标\t培训对象满意率\t≥90%",
                                      "使用人群满意度\t≥80%", "用人单位满意度\t满意"}));
}

TEST(PdfCells, ATableContinuedOnAPageOfOneLineRowsKeepsTheAlignmentOfThePageBefore) {
  // Page 1 shows centred cells (a one-line value beside the middle of a two-line name). Page 2
  // continues the table with one-line rows only: 满意度指标 / 服务对象满意度指标 on row 2 could be
  // a one-row label or centred over rows 1–3; the page before says centred.
  PdfPageWords page1{1, 595, 842, {word("系统安全性可持续", 250, 100, 96), word("发展", 250, 112, 24),
                                    word("有效", 400, 106, 24)}};
  PdfPageWords page2{2, 595, 842, {word("用户对市容环境的投诉次数", 250, 60, 144), word("全年≤1次", 400, 60, 60),
                                    word("满意度指标", 60, 80, 60), word("服务对象满意度指标", 130, 80, 108),
                                    word("金融机构满意度", 250, 80, 84), word("≥99.50(%)", 400, 80, 60),
                                    word("培训对象满意率", 250, 100, 84), word("≥90.00(%)", 400, 100, 60)}};
  std::vector<std::string> both;
  for (const TextLine& l : assemble_pdf_lines({page1, page2})) both.push_back(l.text);
  EXPECT_EQ(both, (std::vector<std::string>{"系统安全性可持续发展\t有效",
                                            "满意度指标\t服务对象满意度指标\t用户对市容环境的投诉次数\t全年≤1次",
                                            "金融机构满意度\t≥99.50(%)", "培训对象满意率\t≥90.00(%)"}));
  // Read alone, the page does not tell: the labels stay on the row they are printed beside.
  std::vector<std::string> alone;
  for (const TextLine& l : rebuild_page_lines(page2)) alone.push_back(l.text);
  EXPECT_EQ(alone[1], "满意度指标\t服务对象满意度指标\t金融机构满意度\t≥99.50(%)");
}

TEST(PdfCells, LeftAlignedValueStaysInItsRowUnderACentredHeader) {
  // Word boxes of a generated centred form (10 pt, boxes 14.5 pt tall): the short name 服务费用
  // has nothing above it (the header 三级指标 is centred further right) and could read as
  // centred in the header row and its own; names are left-aligned values, not merged labels.
  auto w = [](std::string text, double x0, double y0, double x1) {
    return PdfWord{std::move(text), x0, y0, x1, y0 + 14.5, false, 10};
  };
  EXPECT_EQ(texts({w("一级指标", 151, 368.8, 191), w("二级指标", 234, 368.8, 274),
                   w("三级指标", 356.1, 368.8, 396.1), w("年度(/项目)指标值", 453.3, 368.8, 533.3),
                   w("成本指标", 151, 409.7, 191), w("经济成本指标", 224, 391.3, 284),
                   w("服务费用", 310, 391.3, 350), w("=2000.00(元/月)", 450.3, 391.3, 525.7),
                   w("社会成本指标", 224, 421, 284), w("对社会公众的影响", 310, 421, 390),
                   w("不超过系统正常运", 450.3, 413.7, 530.3), w("维成本", 450.3, 428.2, 480.3)}),
            (std::vector<std::string>{"一级指标\t二级指标\t三级指标\t年度(/项目)指标值",
                                      "成本指标\t经济成本指标\t服务费用\t=2000.00(元/月)",
                                      "社会成本指标\t对社会公众的影响\t不超过系统正常运维成本"}));
}

TEST(PdfCells, NumberInAColumnWithEmptyCellsStaysInItsRow) {
  // A budget table with centred text (its header shows it: a two-line cell beside one-line
  // ones). The 项 code "03" of row 2 has empty cells above and below it, so it is as centred in
  // rows 1–3 as in row 2 alone; it shares row 2 with cells that stay there, and codes do not
  // span rows: it stays in row 2.
  std::vector<PdfWord> words = {
      word("类", 60, 106, 12), word("款", 90, 106, 12), word("项", 130, 106, 12),
      word("功能分类科目", 150, 100, 72), word("名称", 150, 112, 24), word("金额", 240, 106, 24),
      word("206", 60, 132, 18), word("科学技术支出", 150, 132, 72), word("17,200,000.00", 240, 132, 78),
      word("206", 60, 152, 18), word("05", 90, 152, 12), word("03", 130, 152, 12),
      word("科技条件专项", 150, 152, 72), word("17,200,000.00", 240, 152, 78),
      word("206", 60, 172, 18), word("05", 90, 172, 12), word("其他科学技术支出", 150, 172, 96),
      word("200,000.00", 260, 172, 58),
  };
  EXPECT_EQ(texts(words), (std::vector<std::string>{
                              "类\t款\t项\t功能分类科目名称\t金额",
                              "206\t科学技术支出\t17,200,000.00",
                              "206\t05\t03\t科技条件专项\t17,200,000.00",
                              "206\t05\t其他科学技术支出\t200,000.00",
                          }));
}

TEST(PdfCells, ProseLinesAreNotJoined) {
  // A paragraph: lines at line spacing with aligned left edges, nothing beside them.
  EXPECT_EQ(texts({word("主要实施内容为活动组织、等保测评，经测算，预算资金约四百九十一万元。完成", 77, 100, 456),
                   word("活动组织、等保测评等工作，巩固企业对政策的知晓度。", 56, 112, 300),
                   word("二、立项依据", 56, 124, 72)}),
            (std::vector<std::string>{"主要实施内容为活动组织、等保测评，经测算，预算资金约四百九十一万元。完成",
                                      "活动组织、等保测评等工作，巩固企业对政策的知晓度。", "二、立项依据"}));
}

TEST(PdfCells, TableOfContentsLinesStayApart) {
  // Entries of equal width with dot leaders beside them, line under line: not a wrapped cell.
  EXPECT_EQ(texts({word("一、部门主要职能", 56, 100, 96), word("……………………", 164, 100, 300),
                   word("二、部门机构设置", 56, 112, 96), word("……………………", 164, 112, 300)}),
            (std::vector<std::string>{"一、部门主要职能\t……………………", "二、部门机构设置\t……………………"}));
}

TEST(PdfCells, HeadingAboveATableIsNotPartOfItsFirstCell) {
  // A 12 pt heading 4 pt above a 10 pt table whose first cell is centred under it, the next
  // cell 18 pt to the heading's right: only the font size tells them apart.
  std::vector<PdfWord> words = {word("六、年度预算安排", 56, 100, 96)};
  for (int r = 0; r < 2; ++r) {
    double top = 116 + 22 * r;
    words.push_back(PdfWord{r == 0 ? "项目组成" : "翻译费", 84, top, r == 0 ? 124.0 : 114.0, top + 10, false, 10});
    words.push_back(PdfWord{r == 0 ? "资金需求" : "1.75", 170, top, r == 0 ? 210.0 : 190.0, top + 10, false, 10});
  }
  EXPECT_EQ(texts(words), (std::vector<std::string>{"六、年度预算安排", "项目组成\t资金需求", "翻译费\t1.75"}));
}

}  // namespace
}  // namespace jixiao
