// The web UI's pages and files: served from the embedded copies with a strict CSP, revalidated
// by ETag; unknown pages are Chinese 404 pages.
#include "server_fixture.h"

#include "server/assets.h"

namespace jixiao::server::testing {
namespace {

class StaticTest : public ServerFixture {};

TEST_F(StaticTest, EveryPagePathServesTheShell) {
  start_with({});
  for (const char* path : {"/", "/documents/3", "/projects/12", "/history?q=x", "/search?q=y", "/upload"}) {
    auto r = client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(r->body.find("<script src=\"/assets/app.js\""), std::string::npos) << path;
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  }
}

TEST_F(StaticTest, AssetsAreEmbeddedAndRevalidated) {
  start_with({});
  bool has_app = false;
  for (const Asset& a : embedded_assets()) has_app |= a.name == "app.js" && !a.bytes.empty();
  ASSERT_TRUE(has_app);
  auto js = client().Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  const std::string etag = js->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = client().Get("/assets/app.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto css = client().Get("/assets/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(StaticTest, UnknownFilesAndPagesAre404InChinese) {
  start_with({});
  for (const char* path : {"/assets/nothing.js", "/assets/../../etc/passwd", "/etc/passwd", "/projects/1/x"}) {
    auto r = client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos);
  }
  auto page = client().Get("/no-such-page");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("页面不存在"), std::string::npos);
}

TEST_F(StaticTest, BrowsersGetCompressedText) {
  start_with({});
  auto plain = client().Get("/assets/app.js");
  httplib::Client c = client();
  c.set_decompress(false);
  auto gz = c.Get("/assets/app.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(plain && gz);
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(gz->body.size(), plain->body.size() / 2);
}

}  // namespace
}  // namespace jixiao::server::testing
