// The three sample declarations ingested through the real parser and review rules: totals match
// the forms with the gov-office/big-data duplicates counted once. Expected figures were checked by
// hand against the sample texts (and their gold files).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "service/views_json.h"
#include "service/workspace.h"
#include "service_fixtures.h"

namespace jixiao {
namespace {

using testing::ServiceTempDir;

class SamplesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    samples_ = testing::samples_dir();
    if (samples_.empty()) GTEST_SKIP() << "sample declarations not found (testdata/samples or ../shared/samples)";
    auto ws = Workspace::open(dir_ / "samples.db");
    ASSERT_TRUE(ws) << ws.error().describe();
    ws_ = std::move(*ws);
    std::vector<std::filesystem::path> files;
    for (const char* name : {"songjiang-bigdata-center-2024.txt", "songjiang-gov-office-2024.txt",
                             "songjiang-sci-tech-service-center-2023.txt"}) {
      files.push_back(samples_ / name);
    }
    auto report = ws_->ingest_paths(files);
    ASSERT_TRUE(report) << report.error().describe();
    report_ = *report;
  }

  std::int64_t document_id(const std::string& source) {
    for (const auto& d : report_.documents) {
      if (d.source == source) return d.document_id;
    }
    return 0;
  }

  ServiceTempDir dir_;
  std::filesystem::path samples_;
  std::unique_ptr<Workspace> ws_;
  IngestReport report_;
};

TEST_F(SamplesTest, IngestReportCountsDocumentsProjectsAndIndicators) {
  EXPECT_EQ(report_.added, 3);
  EXPECT_EQ(report_.failed, 0);
  EXPECT_EQ(report_.projects, 14 + 4 + 4);
  EXPECT_EQ(report_.indicators, 92 + 26 + 78);
  // The gov-office document repeats the big-data center's four projects (ingested first).
  EXPECT_EQ(report_.duplicate_projects, 4);
  EXPECT_GT(report_.findings.total(), 0);  // the samples hold real inconsistencies (gold known_issues)
}

TEST_F(SamplesTest, TotalsMatchTheFormsWithDuplicatesCountedOnce) {
  SummaryQuery q;
  q.by = SummaryDimension::kYear;
  auto s = ws_->summary(q);
  ASSERT_TRUE(s) << s.error().describe();
  ASSERT_EQ(s->rows.size(), 2u);
  EXPECT_EQ(s->rows[0].key, "2023");
  EXPECT_EQ(s->rows[0].projects, 4);
  EXPECT_EQ(s->rows[0].total.yuan_string(), "161418880.00");  // Σ 项目资金总额 of the four forms
  EXPECT_EQ(s->rows[0].annual_total.wan_string(), "2021.05");  // = the header's 2021.05 万元
  EXPECT_EQ(s->rows[1].key, "2024");
  EXPECT_EQ(s->rows[1].projects, 14);                         // 14 + 4 − 4 repeats
  EXPECT_EQ(s->rows[1].total.wan_string(), "6749.10");        // = the gov-office header total
  EXPECT_EQ(s->rows[1].documents, 2);
  EXPECT_EQ(s->total.projects, 18);
  EXPECT_EQ(s->duplicate_projects, 4);
  ASSERT_EQ(s->duplicate_group_count, 4);
  std::set<std::string> names;
  for (const auto& g : s->duplicate_groups) {
    names.insert(g.name);
    ASSERT_EQ(g.published_in.size(), 2u);
    EXPECT_EQ(g.published_in[0].source, "songjiang-bigdata-center-2024.txt");
    EXPECT_EQ(g.published_in[1].source, "songjiang-gov-office-2024.txt");
  }
  EXPECT_EQ(names, (std::set<std::string>{"大数据与网络信息", "门户网站管理", "网络信息系统运行与维护",
                                          "编外人员工作经费"}));
}

TEST_F(SamplesTest, SummaryByImplementerSplitsTheDepartment) {
  SummaryQuery q;
  q.year = 2024;
  q.by = SummaryDimension::kImplementer;
  auto s = ws_->summary(q);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->rows.size(), 2u);
  EXPECT_EQ(s->rows[0].key, "上海市松江区人民政府办公室（本级）");
  EXPECT_EQ(s->rows[0].projects, 10);
  EXPECT_EQ(s->rows[0].total.wan_string(), "4941.00");  // 6749.10 − 1808.10
  EXPECT_EQ(s->rows[1].key, "上海市松江区大数据中心");
  EXPECT_EQ(s->rows[1].projects, 4);
  EXPECT_EQ(s->rows[1].total.wan_string(), "1808.10");  // = the center's own header total
}

TEST_F(SamplesTest, ReingestingIsANoOp) {
  auto again = ws_->ingest_paths({samples_ / "songjiang-gov-office-2024.txt"});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 1);
  EXPECT_EQ(again->added, 0);
  auto docs = ws_->documents(std::nullopt, true);
  ASSERT_TRUE(docs);
  EXPECT_EQ(docs->size(), 3u);
  EXPECT_EQ(ws_->summary({})->total.projects, 18);
}

TEST_F(SamplesTest, ARevisedFileBecomesAVersion) {
  std::ifstream in(samples_ / "songjiang-bigdata-center-2024.txt", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string revised = buffer.str() + "\n";  // different bytes, same declaration
  // The corrected file downloaded again ("name (1).txt") is the next version.
  auto r = ws_->ingest_bytes(revised, "songjiang-bigdata-center-2024 (1).txt");
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->outcome, IngestOutcome::kNewVersion);
  EXPECT_EQ(r->version, 2);
  EXPECT_EQ(r->previous_version_id, document_id("songjiang-bigdata-center-2024.txt"));
  auto view = ws_->document(r->document_id);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->versions.size(), 2u);
  EXPECT_FALSE(view->versions[0].current);
  // Totals unchanged: the repeats in the gov-office document took over, the revision repeats them.
  auto s = ws_->summary({});
  EXPECT_EQ(s->total.projects, 18);
  EXPECT_EQ(s->duplicate_projects, 4);
  auto old = ws_->document(document_id("songjiang-bigdata-center-2024.txt"));
  ASSERT_TRUE(old);
  EXPECT_EQ(old->declaration.projects.size(), 4u);  // the old version is kept whole
}

TEST_F(SamplesTest, ProjectViewShowsWhereElseItIsPublished) {
  ProjectQuery q;
  q.document_id = document_id("songjiang-gov-office-2024.txt");
  auto projects = ws_->projects(q);
  ASSERT_TRUE(projects);
  ASSERT_EQ(projects->size(), 14u);
  const ProjectInfo& eleventh = (*projects)[10];
  EXPECT_EQ(eleventh.name, "大数据与网络信息");
  EXPECT_FALSE(eleventh.counted);
  auto view = ws_->project(eleventh.id);
  ASSERT_TRUE(view) << view.error().describe();
  EXPECT_EQ(view->project.funds.total.value->yuan_string(), "10180000.00");
  ASSERT_EQ(view->published_also.size(), 1u);
  EXPECT_EQ(view->published_also[0].source, "songjiang-bigdata-center-2024.txt");
  auto json = to_json(*view);
  EXPECT_EQ(json["info"]["total_yuan"], "10180000.00");
  EXPECT_EQ(json["project"]["funds_yuan"]["total"], "10180000.00");
}

TEST_F(SamplesTest, SearchFindsOneTwoAndThreeCharacterQueries) {
  // "援" (援藏, 对口支援 …) occurs in four distinct projects of the samples: the gov-office's
  // projects 1, 3 and 6 and the big-data center's 编外人员工作经费 (whose gov-office repeat,
  // project 14, is listed once).
  auto one = ws_->search("援");
  ASSERT_TRUE(one) << one.error().describe();
  std::set<std::string> one_names;
  for (const auto& h : one->hits) one_names.insert(h.name);
  EXPECT_EQ(one_names, (std::set<std::string>{"东西部扶贫帮困", "合作与交流", "区政府办宣传与推广", "编外人员工作经费"}));
  EXPECT_EQ(one->total, 4);
  // "外事" names the gov-office's 外事交流管理 project (and its narrative).
  auto two = ws_->search("外事");
  ASSERT_TRUE(two);
  ASSERT_GE(two->total, 1);
  EXPECT_EQ(two->hits[0].name, "外事交流管理");
  EXPECT_EQ(two->hits[0].field, "name");
  // "网络信息系统运行与维护" is a project of the big-data center (2024) and of the sci-tech
  // service center (2023); the gov-office repeat is not listed again.
  auto three = ws_->search("网络信息系统运行与维护");
  ASSERT_TRUE(three);
  std::set<std::string> implementers;
  for (const auto& h : three->hits) {
    if (h.name == "网络信息系统运行与维护") implementers.insert(h.implementer);
  }
  EXPECT_EQ(implementers, (std::set<std::string>{"上海市松江区大数据中心", "上海市松江区科技创新服务中心"}));
  std::string marked;
  for (const auto& p : three->hits[0].snippet) marked += p.match ? "[" + p.text + "]" : p.text;
  EXPECT_NE(marked.find("[网络信息系统运行与维护]"), std::string::npos) << marked;
}

TEST_F(SamplesTest, SameNameInAnotherUnitAndDepartmentIsNotTheSameProject) {
  // Both centres run a 网络信息系统运行与维护 project, under different departments, with
  // different indicators: history keeps them apart.
  auto h = ws_->history("网络信息系统运行与维护");
  ASSERT_TRUE(h) << h.error().describe();
  ASSERT_EQ(h->chains.size(), 2u);
  EXPECT_EQ(h->chains[0].entries.size(), 1u);
  EXPECT_EQ(h->chains[1].entries.size(), 1u);
}

TEST_F(SamplesTest, ExportCsvHasBomAndOneRowPerProject) {
  std::ostringstream out;
  ASSERT_TRUE(ws_->export_to(out, ExportFormat::kCsv));
  std::string csv = out.str();
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  int lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 1 + 22);
  EXPECT_NE(csv.find(",37780000.00,"), std::string::npos);
}

TEST_F(SamplesTest, ExportJsonHoldsEveryDocument) {
  std::ostringstream out;
  ASSERT_TRUE(ws_->export_to(out, ExportFormat::kJson));
  auto json = nlohmann::json::parse(out.str());
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 3u);
  int projects = 0;
  for (const auto& d : json) projects += static_cast<int>(d["declaration"]["projects"].size());
  EXPECT_EQ(projects, 22);
  EXPECT_TRUE(json[0]["document"]["total_yuan"].is_string());
}

}  // namespace
}  // namespace jixiao
