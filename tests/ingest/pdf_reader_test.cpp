// read_pdf_lines on small PDFs written here by hand (base-14 Helvetica text, exact positions)
// and the error cases. The published Putuo PDFs are tested in pdf_putuo_test.cpp.
#include "ingest/pdf_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace jixiao {
namespace {

// A text drawn at (x, y) in PDF user space (origin bottom-left), Helvetica at `size` points.
struct Text {
  double x, y;
  std::string text;  // ASCII; ( ) \ are escaped
  double size = 10;
};

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string content_of(const std::vector<Text>& texts, const std::string& extra) {
  std::string out = extra;
  for (const Text& t : texts) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "BT /F1 %.2f Tf %.2f %.2f Td (", t.size, t.x, t.y);
    out += buf + escape(t.text) + ") Tj ET\n";
  }
  return out;
}

// A complete PDF (A4 pages, correct xref) with one content stream per page. `encrypt` adds a
// standard-security /Encrypt dictionary whose passwords are not empty.
std::string make_pdf(const std::vector<std::string>& page_contents, bool encrypt = false) {
  std::vector<std::string> objects;  // objects[i] is object i+1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  std::size_t first_page = 4;
  for (std::size_t p = 0; p < page_contents.size(); ++p)
    kids += std::to_string(first_page + 2 * p) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                    std::to_string(page_contents.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t p = 0; p < page_contents.size(); ++p) {
    std::size_t content_id = first_page + 2 * p + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                      "<< /F1 3 0 R >> >> /Contents " +
                      std::to_string(content_id) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(page_contents[p].size()) + " >>\nstream\n" +
                      page_contents[p] + "\nendstream");
  }
  if (encrypt)
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + std::string(64, 'a') +
                      "> /U <" + std::string(64, 'b') + "> >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (encrypt)
    pdf += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<" + std::string(32, 'c') +
           "> <" + std::string(32, 'c') + ">]";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(PdfReader, RebuildsRowsAndCellsFromPositions) {
  std::string pdf = make_pdf({content_of({{300, 770, "Value one"},  // drawn before its label
                                          {72, 770, "Label"},
                                          {72, 740, "next line"}},
                                         "")});
  auto lines = read_pdf_lines(pdf, "hand.pdf");
  ASSERT_TRUE(lines.ok()) << lines.error().describe();
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].text, "Label\tValue one");
  EXPECT_EQ((*lines)[1].text, "next line");
  EXPECT_EQ((*lines)[0].number, 1);
  EXPECT_EQ((*lines)[1].number, 2);
  // Boxes are in points from the top-left corner: baseline 770 from the bottom is 72 from the top.
  ASSERT_TRUE((*lines)[0].box.has_value());
  const PageBox& box = *(*lines)[0].box;
  EXPECT_EQ(box.page, 1);
  EXPECT_NEAR(box.x0, 72, 0.5);
  EXPECT_LT(box.y0, 72);
  EXPECT_GT(box.y1, 72);
  EXPECT_GT(box.x1, 300);
}

TEST(PdfReader, NumbersLinesAcrossPagesAndKeepsPageNumbers) {
  std::string pdf = make_pdf({content_of({{72, 770, "page one"}}, ""),
                              content_of({}, ""),
                              content_of({{72, 770, "page three a"}, {72, 750, "page three b"}}, "")});
  auto lines = read_pdf_lines(pdf, "pages.pdf");
  ASSERT_TRUE(lines.ok()) << lines.error().describe();
  ASSERT_EQ(lines->size(), 3u);
  EXPECT_EQ((*lines)[2].text, "page three b");
  EXPECT_EQ((*lines)[2].number, 3);
  EXPECT_EQ((*lines)[1].box->page, 3);
  EXPECT_EQ((*lines)[0].box->page, 1);
}

TEST(PdfReader, ScannedPdfWithoutTextLayerIsAnError) {
  std::string pdf = make_pdf({content_of({}, "0 0 100 100 re f\n")});
  auto lines = read_pdf_lines(pdf, "scan.pdf");
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.error().file, "scan.pdf");
  EXPECT_EQ(lines.error().message, "PDF 无文本层（可能是扫描件），需先 OCR");
}

TEST(PdfReader, EncryptedPdfIsAnError) {
  std::string pdf = make_pdf({content_of({{72, 770, "secret"}}, "")}, true);
  auto lines = read_pdf_lines(pdf, "locked.pdf");
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.error().file, "locked.pdf");
  EXPECT_NE(lines.error().message.find("加密"), std::string::npos) << lines.error().message;
}

TEST(PdfReader, TruncatedPdfIsAnError) {
  std::string pdf = make_pdf({content_of({{72, 770, "whole"}}, "")});
  auto lines = read_pdf_lines(pdf.substr(0, pdf.size() / 2), "cut.pdf");
  ASSERT_FALSE(lines.ok());
  EXPECT_NE(lines.error().message.find("截断"), std::string::npos) << lines.error().message;
}

TEST(PdfReader, DamagedPdfIsAnError) {
  auto lines = read_pdf_lines("%PDF-1.4\nthis is not a pdf body\n%%EOF\n", "junk.pdf");
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.error().file, "junk.pdf");
  EXPECT_FALSE(lines.error().message.empty());
}

TEST(PdfReader, NonPdfBytesAreAnError) {
  auto lines = read_pdf_lines("项目名称\t法律顾问费\n", "table.txt");
  ASSERT_FALSE(lines.ok());
  EXPECT_NE(lines.error().message.find("不是 PDF"), std::string::npos);
  EXPECT_FALSE(looks_like_pdf("项目名称"));
  EXPECT_TRUE(looks_like_pdf("\n%PDF-1.7\n"));
}

TEST(PdfReader, ErrorDescriptionNamesFileAndReason) {
  auto lines = read_pdf_lines("", "empty.pdf");
  ASSERT_FALSE(lines.ok());
  EXPECT_NE(lines.error().describe().find("empty.pdf"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
