// The HTTP layer on its own (no database): routing, error forms, keep-alive, pipelining, limits,
// and the property the server is built for: idle keep-alive connections never block a new client.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "server/http_server.h"
#include "server/router.h"

namespace jixiao::server {
namespace {

using nlohmann::json;

// A raw loopback socket, for what httplib::Client cannot do (idle sockets, pipelining).
class RawSocket {
 public:
  explicit RawSocket(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~RawSocket() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawSocket(RawSocket&& o) noexcept : fd_(o.fd_), connected_(o.connected_) { o.fd_ = -1; }
  bool connected() const { return connected_; }
  void send_all(const std::string& data) const {
    ASSERT_EQ(::send(fd_, data.data(), data.size(), MSG_NOSIGNAL), static_cast<ssize_t>(data.size()));
  }
  // Reads until `count` complete responses (by Content-Length) arrived or the peer closed.
  std::string read_responses(int count, int timeout_ms = 3000) const {
    std::string got;
    auto complete = [&] {
      int seen = 0;
      std::size_t pos = 0;
      while (seen < count) {
        auto head_end = got.find("\r\n\r\n", pos);
        if (head_end == std::string::npos) return false;
        auto cl = got.find("Content-Length: ", pos);
        std::size_t length = 0;
        if (cl != std::string::npos && cl < head_end) length = std::stoul(got.substr(cl + 16));
        if (got.size() < head_end + 4 + length) return false;
        pos = head_end + 4 + length;
        ++seen;
      }
      return true;
    };
    char buf[4096];
    while (!complete()) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, timeout_ms) <= 0) break;
      ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
      if (n <= 0) break;
      got.append(buf, static_cast<std::size_t>(n));
    }
    return got;
  }
  // True when the server closed the connection within `timeout_ms`.
  bool closed_by_peer(int timeout_ms) const {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char c;
    return ::recv(fd_, &c, 1, 0) == 0;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

HttpResponse text(std::string body) {
  HttpResponse r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("GET", "/hello", [](const HttpRequest&) { return text("你好"); });
    router_.add("GET", "/api/items/{id}", [](const HttpRequest& r) {
      return text("item " + r.path_params.at("id") + " q=" + r.query_value("q").value_or("-"));
    });
    router_.add("POST", "/api/echo", [](const HttpRequest& r) {
      std::string out = r.content_type + "|" + std::to_string(r.body.size());
      for (const auto& f : r.files) out += "|" + f.field + ":" + f.filename + ":" + f.bytes;
      return text(out);
    });
    router_.add("GET", "/api/boom", [](const HttpRequest&) -> HttpResponse {
      throw std::runtime_error("secret /etc/path detail");
    });
  }

  void start(ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    auto server = HttpServer::bind(router_, options);
    ASSERT_TRUE(server.ok()) << server.error().message;
    server_ = std::move(*server);
    server_->start();
  }

  void TearDown() override {
    if (server_) server_->stop();
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(2);
    c.set_read_timeout(5);
    return c;
  }

  Router router_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, RoutesWithPathAndQueryParameters) {
  start();
  auto c = client();
  auto r = c.Get("/api/items/42?q=%E5%90%88%E5%90%8C");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "item 42 q=合同");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(HttpServerTest, UnknownPathIs404JsonUnderApiAndHtmlElsewhere) {
  start();
  auto c = client();
  auto api = c.Get("/api/nothing");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  auto body = json::parse(api->body);
  EXPECT_EQ(body["error"]["status"], 404);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
  auto page = c.Get("/no/such/page");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("页面不存在"), std::string::npos);
}

TEST_F(HttpServerTest, WrongMethodIs405WithAllow) {
  start();
  auto c = client();
  auto r = c.Delete("/api/echo");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "POST");
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "method_not_allowed");
}

TEST_F(HttpServerTest, HandlerExceptionBecomesOpaque500) {
  start();
  auto c = client();
  auto r = c.Get("/api/boom");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body.find("secret"), std::string::npos);
  EXPECT_EQ(r->body.find("/etc"), std::string::npos);
  for (const auto& [name, value] : r->headers) {
    EXPECT_EQ(value.find("secret"), std::string::npos) << name;
  }
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "internal_error");
}

TEST_F(HttpServerTest, MultipartFilesReachTheHandler) {
  start();
  auto c = client();
  httplib::MultipartFormDataItems items = {{"file", "内容", "a.txt", "text/plain"}};
  auto r = c.Post("/api/echo", items);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("|file:a.txt:内容"), std::string::npos) << r->body;
}

TEST_F(HttpServerTest, OversizeBodyIs413JsonAndConnectionCloses) {
  ServerOptions options;
  options.max_body_bytes = 1000;
  start(options);
  auto c = client();
  auto r = c.Post("/api/echo", std::string(5000, 'x'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "payload_too_large");
  // A body at the limit is accepted.
  auto ok = client().Post("/api/echo", std::string(1000, 'x'), "text/plain");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(HttpServerTest, MalformedRequestLineIs400) {
  start();
  RawSocket s(server_->port());
  ASSERT_TRUE(s.connected());
  s.send_all("GARBAGE\r\n\r\n");
  std::string reply = s.read_responses(1);
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_TRUE(s.closed_by_peer(3000));
}

TEST_F(HttpServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  start();
  auto c = client();
  c.set_keep_alive(true);
  for (int i = 0; i < 20; ++i) {
    auto r = c.Get("/hello");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "你好");
  }
  // The counter moves just after each answer is written: give the last one a moment.
  for (int i = 0; i < 200 && server_->stats().requests_served < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(server_->stats().requests_served, 20u);
  EXPECT_EQ(server_->stats().open_connections, 1u);
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  RawSocket s(server_->port());
  ASSERT_TRUE(s.connected());
  s.send_all(
      "GET /api/items/1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/items/2 HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/items/3 HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string reply = s.read_responses(3);
  auto first = reply.find("item 1");
  auto second = reply.find("item 2");
  auto third = reply.find("item 3");
  ASSERT_NE(first, std::string::npos) << reply;
  ASSERT_NE(second, std::string::npos) << reply;
  ASSERT_NE(third, std::string::npos) << reply;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

// The property that decided the design: with far more idle keep-alive connections than worker
// threads, a new client is still answered at once.
TEST_F(HttpServerTest, IdleKeepAliveConnectionsDoNotBlockANewClient) {
  ServerOptions options;
  options.workers = 4;
  start(options);
  std::vector<RawSocket> idle;
  for (int i = 0; i < 300; ++i) {
    idle.emplace_back(server_->port());
    ASSERT_TRUE(idle.back().connected());
    // Half have made a request and wait with the connection open; half never sent anything.
    if (i % 2 == 0) {
      idle.back().send_all("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
      ASSERT_NE(idle.back().read_responses(1).find("你好"), std::string::npos);
    }
  }
  // A thread-per-connection server with 4 threads would leave these requests unanswered until
  // idle connections time out (seconds); here each is answered well within the client's 3 s.
  for (int round = 0; round < 5; ++round) {
    auto c = client();
    c.set_read_timeout(3);
    auto r = c.Get("/hello");
    ASSERT_TRUE(r) << "new client not answered while connections idle";
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_GE(server_->stats().open_connections, 300u);
}

TEST_F(HttpServerTest, IdleConnectionsAreClosedAfterTheIdleTimeout) {
  ServerOptions options;
  options.idle_timeout_seconds = 1;
  start(options);
  RawSocket s(server_->port());
  s.send_all("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_NE(s.read_responses(1).find("你好"), std::string::npos);
  EXPECT_TRUE(s.closed_by_peer(4000));
}

TEST_F(HttpServerTest, StopClosesIdleConnectionsAndReturns) {
  start();
  RawSocket s(server_->port());
  s.send_all("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_NE(s.read_responses(1).find("你好"), std::string::npos);
  server_->stop();
  EXPECT_TRUE(s.closed_by_peer(2000));
  server_.reset();
}

TEST(HttpServerBind, AddressInUseIsAnErrorValue) {
  Router router;
  ServerOptions options;
  options.port = 0;
  auto first = HttpServer::bind(router, options);
  ASSERT_TRUE(first.ok());
  options.port = (*first)->port();
  auto second = HttpServer::bind(router, options);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("无法监听"), std::string::npos);
}

TEST(RouterTest, SplitsPathsAndMatchesPlaceholders) {
  EXPECT_EQ(split_path("/a/b/"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(split_path("/").empty());
  Router router;
  router.add("GET", "/assets/{name}", [](const HttpRequest& r) {
    HttpResponse out;
    out.body = r.path_params.at("name");
    return out;
  });
  HttpRequest request;
  request.method = "GET";
  request.path = "/assets/app.js";
  EXPECT_EQ(router.dispatch(request).body, "app.js");
  request.path = "/assets/app.js/extra";
  EXPECT_EQ(router.dispatch(request).status, 404);
  request.method = "HEAD";
  request.path = "/assets/x";
  EXPECT_EQ(router.dispatch(request).status, 200);
}

TEST(ErrorsTest, HtmlEscapeCoversMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

}  // namespace
}  // namespace jixiao::server
