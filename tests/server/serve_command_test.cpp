// `jixiao serve` as a process: prints the URL to open, answers on it, stops cleanly on SIGTERM
// and SIGINT, and refuses a malformed --listen.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <thread>

#include "server_fixture.h"

namespace jixiao::server::testing {
namespace {

struct Child {
  pid_t pid = -1;
  int out = -1;  // the child's standard output
};

Child spawn_serve(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return {};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    std::vector<char*> argv;
    static std::string binary = JIXIAO_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  return {pid, pipe_fds[0]};
}

// Reads the child's output until `pattern` matches (or 30 s pass); returns the first group.
std::string wait_for(int fd, const std::regex& pattern, std::string& seen) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  char buf[512];
  while (std::chrono::steady_clock::now() < until) {
    std::smatch m;
    if (std::regex_search(seen, m, pattern)) return m[1];
    ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n <= 0) break;
    seen.append(buf, static_cast<std::size_t>(n));
  }
  return {};
}

int wait_exit(pid_t pid) {
  int status = 0;
  for (int i = 0; i < 300; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return -2;  // did not stop within 15 s
}

class ServeCommandTest : public ::testing::TestWithParam<int> {};

TEST_P(ServeCommandTest, PrintsTheUrlServesAndStopsOnSignal) {
  TempDir dir;
  Child child = spawn_serve({"serve", "--db", (dir.path() / "serve.db").string(), "--listen", "127.0.0.1:0"});
  ASSERT_GT(child.pid, 0);
  std::string seen;
  const std::string port = wait_for(child.out, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"), seen);
  ASSERT_FALSE(port.empty()) << seen;
  httplib::Client client("127.0.0.1", std::stoi(port));
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("绩效目标审阅"), std::string::npos);
  ::kill(child.pid, GetParam());
  EXPECT_EQ(wait_exit(child.pid), 0);
  wait_for(child.out, std::regex("(已停止)"), seen);
  EXPECT_NE(seen.find("已停止"), std::string::npos) << seen;
  ::close(child.out);
}

INSTANTIATE_TEST_SUITE_P(Signals, ServeCommandTest, ::testing::Values(SIGTERM, SIGINT));

TEST(ServeCommand, MalformedListenIsBadUsage) {
  TempDir dir;
  for (const char* listen : {"localhost", "127.0.0.1:99999", "::1:80", "127.0.0.1:x"}) {
    Child child = spawn_serve({"serve", "--db", (dir.path() / "x.db").string(), "--listen", listen});
    ASSERT_GT(child.pid, 0);
    EXPECT_EQ(wait_exit(child.pid), 2) << listen;
    ::close(child.out);
  }
}

}  // namespace
}  // namespace jixiao::server::testing
