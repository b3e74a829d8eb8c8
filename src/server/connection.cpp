#include "server/connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace jixiao::server {

namespace {
constexpr std::size_t kBufferSize = 16 * 1024;
using Clock = std::chrono::steady_clock;
}  // namespace

ConnectionStream::ConnectionStream(Connection& connection, std::chrono::milliseconds read_timeout,
                                   std::chrono::milliseconds write_timeout,
                                   Clock::time_point deadline)
    : c_(connection), read_timeout_(read_timeout), write_timeout_(write_timeout),
      deadline_(deadline) {
  if (c_.buffer.size() < kBufferSize) c_.buffer.resize(kBufferSize);
}

bool ConnectionStream::wait_for(short events, std::chrono::milliseconds timeout,
                                bool reading) const {
  for (;;) {
    auto wait = timeout;
    if (reading) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
      wait = std::min(wait, left);
    }
    if (wait.count() <= 0) return false;
    pollfd p{c_.fd, events, 0};
    int n = ::poll(&p, 1, static_cast<int>(wait.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    // POLLHUP/POLLERR count as ready: the next recv/send reports what happened.
    return true;
  }
}

bool ConnectionStream::is_readable() const {
  return c_.has_buffered_bytes() || wait_for(POLLIN, read_timeout_, true);
}

bool ConnectionStream::is_writable() const { return wait_for(POLLOUT, write_timeout_, false); }

ssize_t ConnectionStream::receive(char* ptr, size_t size) {
  for (;;) {
    ssize_t n = ::recv(c_.fd, ptr, size, 0);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    if (!wait_for(POLLIN, read_timeout_, true)) return -1;
  }
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (size == 0) return 0;
  if (c_.has_buffered_bytes()) {
    std::size_t n = std::min(size, c_.end - c_.begin);
    std::memcpy(ptr, c_.buffer.data() + c_.begin, n);
    c_.begin += n;
    return static_cast<ssize_t>(n);
  }
  // Large reads (request bodies) go straight into the caller's buffer.
  if (size >= kBufferSize) return receive(ptr, size);
  ssize_t got = receive(c_.buffer.data(), c_.buffer.size());
  if (got <= 0) return got;
  c_.begin = 0;
  c_.end = static_cast<std::size_t>(got);
  std::size_t n = std::min(size, c_.end);
  std::memcpy(ptr, c_.buffer.data(), n);
  c_.begin = n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  std::size_t sent = 0;
  while (sent < size) {
    ssize_t n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_for(POLLOUT, write_timeout_, false)) return -1;
      continue;
    }
    return -1;
  }
  return static_cast<ssize_t>(sent);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = c_.remote_ip;
  port = c_.remote_port;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = c_.local_ip;
  port = c_.local_port;
}

socket_t ConnectionStream::socket() const { return c_.fd; }

void socket_address(int fd, bool remote, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  auto* sa = reinterpret_cast<sockaddr*>(&addr);
  int rc = remote ? ::getpeername(fd, sa, &len) : ::getsockname(fd, sa, &len);
  ip.clear();
  port = 0;
  if (rc != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
    port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text));
    port = ntohs(in6->sin6_port);
  }
  ip = text;
}

void lingering_close(int fd) {
  ::shutdown(fd, SHUT_WR);
  const auto until = Clock::now() + std::chrono::seconds(2);
  std::size_t budget = 64u << 20;
  char sink[16 * 1024];
  while (budget > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    int n = ::poll(&p, 1, static_cast<int>(left.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    ssize_t got = ::recv(fd, sink, sizeof(sink), 0);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got <= 0) break;
    budget -= std::min(budget, static_cast<std::size_t>(got));
  }
  ::close(fd);
}

}  // namespace jixiao::server
