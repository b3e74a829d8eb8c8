// The JSON API over a database seeded with the samples. Expected values were read by hand from
// testdata/samples/*.txt (line numbers in comments).
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "server/errors.h"
#include "server_fixture.h"

namespace jixiao::server::testing {
namespace {

using nlohmann::json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Finds the project of `view` (a DocumentView JSON) named `name`.
json project_named(const json& document_view, const std::string& name) {
  for (const auto& p : document_view["projects"]) {
    if (p["name"] == name) return p;
  }
  return nullptr;
}

// Expects a JSON error answer with the given status and code and a Chinese message that
// reveals no file system path.
void expect_error(const httplib::Result& r, int status, const std::string& code) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, status) << r->body;
  auto body = json::parse(r->body, nullptr, false);
  ASSERT_FALSE(body.is_discarded()) << r->body;
  EXPECT_EQ(body["error"]["status"], status);
  EXPECT_EQ(body["error"]["code"], code) << r->body;
  const std::string message = body["error"]["message"].get<std::string>();
  EXPECT_FALSE(message.empty());
  EXPECT_EQ(message.find("/tmp"), std::string::npos) << message;
  EXPECT_EQ(message.find(".db"), std::string::npos) << message;
  EXPECT_EQ(message.find("sqlite"), std::string::npos) << message;
  bool has_cjk = false;
  for (unsigned char c : message) has_cjk |= c >= 0xE4 && c <= 0xE9;
  EXPECT_TRUE(has_cjk) << "message not in Chinese: " << message;
}

class ApiTest : public ServerFixture {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(samples_dir() / kBigData)) GTEST_SKIP() << "testdata/samples missing";
  }

  // Everything a bad request must leave unchanged: every stored version and the totals.
  json snapshot() {
    return json{{"documents", get_json("/api/documents?include_superseded=true")},
                {"summary", get_json("/api/summary")}};
  }

  httplib::Result upload(const std::string& filename, const std::string& bytes,
                         const std::string& content_type = "application/octet-stream") {
    httplib::MultipartFormDataItems items = {{"file", bytes, filename, content_type}};
    return client().Post("/api/upload", items);
  }
};

TEST_F(ApiTest, HealthAndYears) {
  start_with({kBigData, kSciTech});
  EXPECT_EQ(get_json("/api/health")["status"], "ok");
  EXPECT_EQ(get_json("/api/years")["years"], json::array({2023, 2024}));
}

TEST_F(ApiTest, DocumentsOfAYear) {
  start_with({kBigData, kSciTech});
  auto docs = get_json("/api/documents?year=2024")["documents"];
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["source"], kBigData);
  EXPECT_EQ(docs[0]["year"], 2024);
  EXPECT_EQ(docs[0]["project_count"], 4);  // forms at lines 59, 111, 192, 244
  // 10,180,000 + 526,000 + 7,044,200 + 330,800 (lines 62, 114, 195, 247) = 18,081,000.00 元,
  // which is the 1808.10 万元 the header claims (line 7).
  EXPECT_EQ(docs[0]["total_yuan"], "18081000.00");
  EXPECT_EQ(docs[0]["header_total_wan"], "1808.10");
  EXPECT_EQ(get_json("/api/documents")["documents"].size(), 2u);
  EXPECT_TRUE(get_json("/api/documents?year=2031")["documents"].empty());
}

TEST_F(ApiTest, DocumentAndProjectViews) {
  start_with({kBigData});
  auto docs = get_json("/api/documents")["documents"];
  ASSERT_EQ(docs.size(), 1u);
  auto view = get_json("/api/documents/" + std::to_string(docs[0]["id"].get<long>()));
  EXPECT_EQ(view["info"]["issuer"], docs[0]["issuer"]);
  EXPECT_EQ(view["declaration"]["header"]["project_count"], 4);  // line 7
  EXPECT_EQ(view["declaration"]["header"]["budget_unit_count"], 1);
  ASSERT_EQ(view["projects"].size(), 4u);
  json portal = project_named(view, "门户网站管理");
  ASSERT_FALSE(portal.is_null());
  EXPECT_EQ(portal["total_yuan"], "526000.00");  // line 114

  auto project = get_json("/api/projects/" + std::to_string(portal["id"].get<long>()));
  EXPECT_EQ(project["info"]["id"], portal["id"]);
  EXPECT_EQ(project["document"]["id"], docs[0]["id"]);
  const json& form = project["project"];
  EXPECT_EQ(form["name"], "门户网站管理");
  EXPECT_EQ(form["category"], "其他运转类");
  EXPECT_EQ(form["implementer"], "上海市松江区大数据中心");
  EXPECT_EQ(form["funds_yuan"]["total"], "526000.00");
  EXPECT_EQ(form["funds_yuan"]["current_appropriation"], "526000.00");
  EXPECT_EQ(form["funds_yuan"]["carryover"], "0.00");
  EXPECT_TRUE(project["findings"].is_array());
}

TEST_F(ApiTest, UnknownIdsAre404AndBadIdsAre400) {
  start_with({kBigData});
  expect_error(client().Get("/api/documents/999999"), 404, "not_found");
  expect_error(client().Get("/api/projects/999999"), 404, "not_found");
  expect_error(client().Get("/api/projects/abc"), 400, "bad_parameter");
  expect_error(client().Get("/api/projects/0"), 400, "bad_parameter");
  expect_error(client().Get("/api/projects/-3"), 400, "bad_parameter");
  expect_error(client().Get("/api/documents/1e3"), 400, "bad_parameter");
  expect_error(client().Get("/api/projects/99999999999999999999999"), 400, "bad_parameter");
  expect_error(client().Get("/api/nothing/here"), 404, "not_found");
  EXPECT_TRUE(logged_errors_.empty()) << logged_errors_;
}

// 404 follows the error's kind, never its wording: a not-found error worded otherwise is still
// 404, and an error that only reads like one ("没有编号为 …") is a 500.
TEST(LookupStatus, FollowsTheKindNotTheMessage) {
  EXPECT_EQ(lookup_status(Error{"", 0, "project", "另一种措辞", ErrorKind::kNotFound}), 404);
  EXPECT_EQ(lookup_status(Error{"", 0, "", "", ErrorKind::kNotFound}), 404);
  EXPECT_EQ(lookup_status(Error{"", 0, "document", "没有编号为 7 的文档"}), 500);
  EXPECT_EQ(lookup_status(Error{"", 0, "project", "没有编号为 7 的项目", ErrorKind::kOther}), 500);
}

// A stored document whose parsed content is gone: the store's error reads "没有编号为 N 的文档"
// like an unknown id, but the id is known, so the answer is a logged 500, not a 404.
TEST_F(ApiTest, AKnownIdWithDamagedContentIs500Not404) {
  start_with({kBigData});
  const json docs = get_json("/api/documents")["documents"];
  ASSERT_FALSE(docs.empty());
  const long document_id = docs[0]["id"].get<long>();
  const json view = get_json("/api/documents/" + std::to_string(document_id));
  ASSERT_FALSE(view["projects"].empty());
  const long project_id = view["projects"][0]["id"].get<long>();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_.path() / "test.db").c_str(), &db), SQLITE_OK);
  const std::string damage = "DELETE FROM document_json WHERE document_id = " + std::to_string(document_id);
  EXPECT_EQ(sqlite3_exec(db, damage.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  expect_error(client().Get("/api/documents/" + std::to_string(document_id)), 500, "internal_error");
  expect_error(client().Get("/api/projects/" + std::to_string(project_id)), 500, "internal_error");
  EXPECT_NE(logged_errors_.find("没有编号为 " + std::to_string(document_id) + " 的文档"), std::string::npos)
      << logged_errors_;
}

TEST_F(ApiTest, MalformedParametersAre400) {
  start_with({kBigData});
  expect_error(client().Get("/api/documents?year=abc"), 400, "bad_parameter");
  expect_error(client().Get("/api/documents?year=1800"), 400, "bad_parameter");
  expect_error(client().Get("/api/summary?year=20x4"), 400, "bad_parameter");
  expect_error(client().Get("/api/summary?by=colour"), 400, "bad_parameter");
  expect_error(client().Get("/api/search"), 400, "missing_parameter");
  expect_error(client().Get("/api/search?q=%20%20"), 400, "missing_parameter");
  expect_error(client().Get("/api/search?q=" + std::string(120, 'a')), 400, "bad_parameter");
  expect_error(client().Get("/api/search?q=x&limit=0"), 400, "bad_parameter");
  expect_error(client().Get("/api/search?q=x&limit=1000"), 400, "bad_parameter");
  expect_error(client().Get("/api/search?q=x&offset=-1"), 400, "bad_parameter");
  expect_error(client().Get("/api/history"), 400, "missing_parameter");
}

TEST_F(ApiTest, WrongMethodIs405) {
  start_with({});
  expect_error(client().Delete("/api/years"), 405, "method_not_allowed");
  expect_error(client().Post("/api/projects/1", "", "text/plain"), 405, "method_not_allowed");
  expect_error(client().Get("/api/upload"), 405, "method_not_allowed");
}

TEST_F(ApiTest, SummaryByDepartmentCountsDuplicatesOnce) {
  start_with({kBigData, kGovOffice});
  // The government office's document repeats the big-data center's four projects
  // (gov-office lines for 大数据与网络信息 etc.): the year total counts them once.
  auto plain = get_json("/api/summary?year=2024");
  auto by_department = get_json("/api/summary?year=2024&by=department");
  EXPECT_EQ(by_department["query"]["by"], "department");
  EXPECT_GE(plain["duplicate_projects"].get<int>(), 4);
  EXPECT_EQ(plain["total"]["projects"], 14);  // the gov-office header claims 14 projects
  long long sum = 0;
  for (const auto& row : by_department["rows"]) {
    const std::string yuan = row["total_yuan"];
    sum += std::stoll(yuan.substr(0, yuan.size() - 3));
  }
  const std::string total = plain["total"]["total_yuan"];
  EXPECT_EQ(sum, std::stoll(total.substr(0, total.size() - 3)));
}

TEST_F(ApiTest, SearchFindsOneTwoAndThreeCharacterQueries) {
  start_with({kBigData});
  for (const std::string q : {"%E7%BD%91", "%E7%BD%91%E7%AB%99", "%E9%97%A8%E6%88%B7%E7%BD%91%E7%AB%99"}) {
    auto result = get_json("/api/search?q=" + q);  // 网 / 网站 / 门户网站
    ASSERT_FALSE(result["hits"].empty()) << q;
    bool highlighted = false;
    for (const auto& part : result["hits"][0]["snippet"]) highlighted |= part["match"].get<bool>();
    EXPECT_TRUE(highlighted) << q;
  }
  auto portal = get_json("/api/search?q=%E9%97%A8%E6%88%B7%E7%BD%91%E7%AB%99&limit=5");
  EXPECT_EQ(portal["hits"][0]["name"], "门户网站管理");
  EXPECT_LE(portal["hits"].size(), 5u);
}

TEST_F(ApiTest, HistoryOfAProject) {
  start_with({kBigData});
  auto history = get_json("/api/history?q=%E9%97%A8%E6%88%B7%E7%BD%91%E7%AB%99%E7%AE%A1%E7%90%86");
  ASSERT_FALSE(history["chains"].empty());
  EXPECT_EQ(history["chains"][0]["entries"][0]["project"]["name"], "门户网站管理");
  EXPECT_TRUE(get_json("/api/history?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E9%A1%B9%E7%9B%AE")["chains"].empty());
}

TEST_F(ApiTest, UploadStoresAndReturnsFindingsThenIsIdempotent) {
  start_with({});
  const std::string bytes = read_file(samples_dir() / kBigData);
  auto r = upload(kBigData, bytes, "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  auto body = json::parse(r->body);
  EXPECT_EQ(body["outcome"], "added");
  EXPECT_EQ(body["document"]["info"]["source"], kBigData);
  EXPECT_EQ(body["document"]["projects"].size(), 4u);
  EXPECT_TRUE(body["document"]["findings"].is_array());
  EXPECT_EQ(body["ingest"]["findings"]["total"].get<int>(), static_cast<int>(body["document"]["findings"].size()));
  EXPECT_EQ(get_json("/api/documents")["documents"].size(), 1u);

  auto again = upload(kBigData, bytes, "text/plain");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["outcome"], "unchanged");
  EXPECT_EQ(get_json("/api/documents?include_superseded=true")["documents"].size(), 1u);
}

TEST_F(ApiTest, UploadAsJsonText) {
  start_with({});
  json request = {{"filename", kBigData}, {"text", read_file(samples_dir() / kBigData)}};
  auto r = client().Post("/api/upload", request.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(json::parse(r->body)["document"]["info"]["project_count"], 4);
}

TEST_F(ApiTest, BadUploadsAreRefusedAndChangeNothing) {
  WebAppOptions options;
  options.max_upload_bytes = 1u << 20;       // 1 MB, so the test stays small
  options.server.max_body_bytes = 2u << 20;  // request bodies over 2 MB are refused unread
  start_with({kBigData}, options);
  const json before = snapshot();
  const std::string sample = read_file(samples_dir() / kSciTech);

  // Wrong content type for the endpoint.
  expect_error(client().Post("/api/upload", sample, "text/plain"), 415, "unsupported_media_type");
  // Malformed and ill-formed JSON.
  expect_error(client().Post("/api/upload", "{\"text\": \"abc", "application/json"), 400, "malformed_json");
  expect_error(client().Post("/api/upload", "[1,2]", "application/json"), 400, "bad_json");
  expect_error(client().Post("/api/upload", "{\"text\": 5}", "application/json"), 400, "bad_json");
  // Multipart without the file field.
  httplib::MultipartFormDataItems wrong_field = {{"document", sample, "a.txt", "text/plain"}};
  expect_error(client().Post("/api/upload", wrong_field), 400, "missing_file");
  // Not a PDF or text, whatever the name and claimed type say.
  expect_error(upload("scan.pdf", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\0'), "application/pdf"),
               415, "unsupported_file_type");
  expect_error(upload("form.txt", std::string("PK\x03\x04", 4) + std::string(200, 'x')), 415, "unsupported_file_type");
  expect_error(upload("data.txt", std::string("abc\0def\0\x01\x02", 10)), 415, "unsupported_file_type");
  expect_error(upload("empty.txt", ""), 415, "unsupported_file_type");
  // Over the upload limit: refused by the handler (body within the HTTP limit) …
  expect_error(upload("big.txt", std::string((1u << 20) + 10, 'a')), 413, "file_too_large");
  // … and by the HTTP layer (body over the limit, refused before it is read).
  expect_error(upload("huge.txt", std::string(3u << 20, 'a')), 413, "payload_too_large");

  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(logged_errors_.empty()) << logged_errors_;
}

TEST_F(ApiTest, TextThatIsNotADeclarationIs422) {
  start_with({});
  const json before = snapshot();
  auto r = upload("note.txt", "这是一段普通的文字，不是绩效目标申报表。\n第二行。\n", "text/plain");
  expect_error(r, 422, "unreadable_document");
  EXPECT_EQ(snapshot(), before);
}

TEST_F(ApiTest, UploadedFileNameIsReducedToItsLastComponent) {
  start_with({});
  auto r = upload("C:\\fakepath\\..\\" + std::string(kBigData), read_file(samples_dir() / kBigData));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(json::parse(r->body)["document"]["info"]["source"], kBigData);
}

}  // namespace
}  // namespace jixiao::server::testing
