#include "server/http_server.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <httplib.h>

#include "server/connection.h"
#include "server/errors.h"

namespace jixiao::server {

namespace {

using Clock = std::chrono::steady_clock;

// What the request just processed ended with, for the worker that processed it: the HTTP
// library reports it through its logger callback, which runs on the same thread.
thread_local int t_last_status = 0;
thread_local bool t_handler_ran = false;
thread_local Clock::time_point t_request_start;

// cpp-httplib's request parsing, multipart decoding, routing and response writing, fed one
// request at a time from our own connections (process_request is its protected per-request
// entry point; its own accept loop and thread-per-connection pool are never used).
class RequestEngine : public httplib::Server {
 public:
  bool serve_one(httplib::Stream& stream, bool close_after, bool& peer_closed) {
    static const std::function<void(httplib::Request&)> kNoSetup;
    return process_request(stream, close_after, peer_closed, kNoSetup);
  }
};

HttpRequest to_neutral(const httplib::Request& req) {
  HttpRequest out;
  out.method = req.method;
  out.path = req.path;
  for (const auto& [key, value] : req.params) out.query.emplace(key, value);
  for (const auto& [key, value] : req.headers) out.headers.emplace(key, value);
  out.content_type = req.get_header_value("Content-Type");
  out.body = req.body;
  for (const auto& [field, part] : req.files) {
    out.files.push_back({field, part.filename, part.content_type, part.content});
  }
  return out;
}

void apply(HttpResponse&& from, httplib::Response& to) {
  to.status = from.status;
  for (auto& [name, value] : from.headers) to.set_header(name, value);
  to.body = std::move(from.body);
  if (!from.content_type.empty()) to.set_header("Content-Type", from.content_type);
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(const Router& router, ServerOptions options) : router_(router), options_(std::move(options)) {
    if (options_.workers == 0) {
      options_.workers = std::max<std::size_t>(8, 4 * std::max(1u, std::thread::hardware_concurrency()));
    }
    configure_engine();
  }

  ~Impl() {
    stop();
    if (background_.joinable()) background_.join();
    if (listen_fd_ >= 0) ::close(listen_fd_);
    if (epoll_fd_ >= 0) ::close(epoll_fd_);
    if (wake_fd_ >= 0) ::close(wake_fd_);
  }

  Status open_socket() {
    raise_fd_limit();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(options_.port);
    if (int rc = ::getaddrinfo(options_.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
      return Error{"", 0, "listen", fmt::format("无法解析监听地址 {}：{}", options_.host, gai_strerror(rc))};
    }
    int last_errno = 0;
    for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
      int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
      if (fd < 0) { last_errno = errno; continue; }
      int yes = 1;
      ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
      // The backlog absorbs bursts of new connections (SOMAXCONN caps it).
      if (::bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(fd, 4096) == 0) {
        listen_fd_ = fd;
        break;
      }
      last_errno = errno;
      ::close(fd);
    }
    ::freeaddrinfo(found);
    if (listen_fd_ < 0) {
      return Error{"", 0, "listen",
                   fmt::format("无法监听 {}:{}：{}", options_.host, options_.port, std::strerror(last_errno))};
    }
    std::string ip;
    socket_address(listen_fd_, false, ip, bound_port_);
    epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epoll_fd_ < 0 || wake_fd_ < 0) return Error{"", 0, "listen", "无法创建事件循环。"};
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = &listen_tag_;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
    ev.data.ptr = &wake_tag_;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
    return ok_status();
  }

  void run() {
    {
      std::lock_guard lock(state_mutex_);
      if (running_ || stopping_) return;
      running_ = true;
    }
    for (std::size_t i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { work(); });
    event_loop();
    // Stopping: let workers finish what they hold, then close everything left.
    {
      std::lock_guard lock(queue_mutex_);
      queue_closed_ = true;
    }
    queue_cv_.notify_all();
    for (auto& worker : workers_) worker.join();
    workers_.clear();
    {
      std::lock_guard lock(connections_mutex_);
      for (Connection* c : connections_) {
        ::close(c->fd);
        delete c;
      }
      connections_.clear();
      idle_.clear();
    }
    {
      std::lock_guard lock(state_mutex_);
      running_ = false;
      finished_ = true;
    }
    state_cv_.notify_all();
  }

  void start() { background_ = std::thread([this] { run(); }); }

  void stop() {
    {
      std::unique_lock lock(state_mutex_);
      if (!stopping_) {
        stopping_ = true;
        std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof(one));
      }
      if (background_.joinable() && background_.get_id() == std::this_thread::get_id()) return;
      state_cv_.wait(lock, [this] { return !running_ || finished_; });
    }
    if (background_.joinable() && background_.get_id() != std::this_thread::get_id()) background_.join();
  }

  ServerStats stats() const {
    std::lock_guard lock(connections_mutex_);
    return {connections_.size(), idle_.size(), requests_served_.load()};
  }

  int port() const { return bound_port_; }
  const std::string& host() const { return options_.host; }

 private:
  void configure_engine() {
    auto bridge = [this](const httplib::Request& req, httplib::Response& res) {
      t_handler_ran = true;
      apply(router_.dispatch(to_neutral(req)), res);
    };
    engine_.Get(".*", bridge);
    engine_.Post(".*", bridge);
    engine_.Put(".*", bridge);
    engine_.Patch(".*", bridge);
    engine_.Delete(".*", bridge);
    engine_.Options(".*", bridge);
    // The library answers some requests itself (400 malformed, 413 too large, 414 URI too
    // long) with an empty body: give those the same Chinese error form as ours.
    engine_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      HttpResponse e = error_for_path(req.path, res.status, default_error_code(res.status),
                                      default_error_message(res.status));
      res.set_content(e.body, e.content_type);
    });
    engine_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      t_last_status = res.status;
      if (!options_.access_log) return;
      auto micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t_request_start);
      options_.access_log(fmt::format("{} {} {} {} {}B {:.1f}ms", req.remote_addr, req.method,
                                      req.path, res.status, res.body.size(), micros.count() / 1000.0));
    });
    engine_.set_payload_max_length(options_.max_body_bytes);
    // These only feed the Keep-Alive response header; the loop below enforces them.
    engine_.set_keep_alive_timeout(options_.idle_timeout_seconds);
    engine_.set_keep_alive_max_count(options_.max_requests_per_connection);
    engine_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                 {"Referrer-Policy", "no-referrer"},
                                 {"X-Frame-Options", "DENY"}});
  }

  static void raise_fd_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
      limit.rlim_cur = limit.rlim_max;
      ::setrlimit(RLIMIT_NOFILE, &limit);
    }
  }

  // ---- event loop: accepts, parks idle keep-alive connections, hands ready ones to workers.
  void event_loop() {
    constexpr int kMaxEvents = 256;
    epoll_event events[kMaxEvents];
    auto next_sweep = Clock::now() + std::chrono::seconds(1);
    while (!stopping_.load()) {
      int n = ::epoll_wait(epoll_fd_, events, kMaxEvents, 500);
      if (n < 0 && errno != EINTR) break;
      // Ready connections first, new ones after: accepting may close an idle connection,
      // which must not be one whose event is still waiting in this batch.
      bool can_accept = false;
      for (int i = 0; i < n; ++i) {
        void* tag = events[i].data.ptr;
        if (tag == &wake_tag_) continue;
        if (tag == &listen_tag_) {
          can_accept = true;
          continue;
        }
        auto* c = static_cast<Connection*>(tag);
        bool parked = false;
        {
          std::lock_guard lock(connections_mutex_);
          parked = idle_.erase(c) > 0;
        }
        if (parked) dispatch(c);
      }
      if (can_accept) accept_all();
      if (Clock::now() >= next_sweep) {
        close_idle_connections();
        if (accept_paused_) resume_accepting();
        next_sweep = Clock::now() + std::chrono::seconds(1);
      }
    }
  }

  void accept_all() {
    for (;;) {
      int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR) continue;
        if (errno == EMFILE || errno == ENFILE) {
          // Out of descriptors: drop the oldest idle connection, or pause accepting briefly.
          if (!close_oldest_idle()) pause_accepting();
        }
        return;  // EAGAIN: nothing more to accept
      }
      {
        std::lock_guard lock(connections_mutex_);
        if (connections_.size() >= options_.max_connections && !close_oldest_idle_locked()) {
          ::close(fd);
          continue;
        }
      }
      int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
      auto* c = new Connection;
      c->fd = fd;
      socket_address(fd, true, c->remote_ip, c->remote_port);
      socket_address(fd, false, c->local_ip, c->local_port);
      std::lock_guard lock(connections_mutex_);
      connections_.insert(c);
      park_locked(c, EPOLL_CTL_ADD);
    }
  }

  // Registers `c` for its next request (one-shot) and records when it went idle. Caller holds
  // connections_mutex_, so the event loop cannot see the event before the idle entry exists.
  void park_locked(Connection* c, int op) {
    c->idle_since = Clock::now();
    idle_[c] = c->idle_since;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    ev.data.ptr = c;
    ::epoll_ctl(epoll_fd_, op, c->fd, &ev);
  }

  void close_idle_connections() {
    const auto limit = Clock::now() - std::chrono::seconds(options_.idle_timeout_seconds);
    std::lock_guard lock(connections_mutex_);
    for (auto it = idle_.begin(); it != idle_.end();) {
      if (it->second < limit) {
        Connection* c = it->first;
        it = idle_.erase(it);
        destroy_locked(c);
      } else {
        ++it;
      }
    }
  }

  bool close_oldest_idle() {
    std::lock_guard lock(connections_mutex_);
    return close_oldest_idle_locked();
  }

  bool close_oldest_idle_locked() {
    if (idle_.empty()) return false;
    auto oldest = idle_.begin();
    for (auto it = idle_.begin(); it != idle_.end(); ++it) {
      if (it->second < oldest->second) oldest = it;
    }
    Connection* c = oldest->first;
    idle_.erase(oldest);
    destroy_locked(c);
    return true;
  }

  void pause_accepting() {
    epoll_event ev{};
    ev.data.ptr = &listen_tag_;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, listen_fd_, &ev);
    accept_paused_ = true;
  }

  void resume_accepting() {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = &listen_tag_;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, listen_fd_, &ev);
    accept_paused_ = false;
  }

  void destroy_locked(Connection* c) {
    connections_.erase(c);
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
    ::close(c->fd);
    delete c;
  }

  void destroy(Connection* c, bool linger) {
    {
      std::lock_guard lock(connections_mutex_);
      connections_.erase(c);
      idle_.erase(c);
    }
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
    if (linger) {
      lingering_close(c->fd);
    } else {
      ::close(c->fd);
    }
    delete c;
  }

  // ---- workers: serve the requests of a ready connection, then park it again.
  void dispatch(Connection* c) {
    {
      std::lock_guard lock(queue_mutex_);
      queue_.push_back(c);
    }
    queue_cv_.notify_one();
  }

  void work() {
    for (;;) {
      Connection* c = nullptr;
      {
        std::unique_lock lock(queue_mutex_);
        queue_cv_.wait(lock, [this] { return queue_closed_ || !queue_.empty(); });
        if (queue_.empty()) return;
        c = queue_.front();
        queue_.pop_front();
        if (queue_closed_) {
          lock.unlock();
          destroy(c, false);
          continue;
        }
      }
      serve(c);
    }
  }

  void serve(Connection* c) {
    const std::chrono::milliseconds read_timeout(options_.read_timeout_seconds * 1000L);
    const std::chrono::milliseconds write_timeout(options_.write_timeout_seconds * 1000L);
    for (;;) {
      const bool last = ++c->requests >= options_.max_requests_per_connection || stopping_.load();
      bool peer_closed = false;
      t_last_status = 0;
      t_handler_ran = false;
      t_request_start = Clock::now();
      ConnectionStream stream(*c, read_timeout, write_timeout,
                              t_request_start + std::chrono::seconds(options_.request_deadline_seconds));
      const bool ok = engine_.serve_one(stream, last, peer_closed);
      if (t_last_status != 0) requests_served_.fetch_add(1);
      // When the library refused the request before our handler ran, part of it may be
      // unread: the connection cannot carry another request.
      const bool refused = t_last_status >= 400 && !t_handler_ran;
      if (!ok || peer_closed || last || refused) {
        destroy(c, ok && refused);
        return;
      }
      if (c->has_buffered_bytes()) continue;  // a pipelined request already arrived
      std::lock_guard lock(connections_mutex_);
      park_locked(c, EPOLL_CTL_MOD);
      return;
    }
  }

  const Router& router_;
  ServerOptions options_;
  RequestEngine engine_;
  int listen_fd_ = -1, epoll_fd_ = -1, wake_fd_ = -1;
  int bound_port_ = 0;
  char listen_tag_ = 0, wake_tag_ = 0;  // addresses used as epoll tags
  bool accept_paused_ = false;          // event-loop thread only

  mutable std::mutex connections_mutex_;
  std::unordered_set<Connection*> connections_;
  std::unordered_map<Connection*, Clock::time_point> idle_;
  std::atomic<std::size_t> requests_served_{0};

  std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::deque<Connection*> queue_;
  bool queue_closed_ = false;
  std::vector<std::thread> workers_;

  std::mutex state_mutex_;
  std::condition_variable state_cv_;
  bool running_ = false, finished_ = false;
  std::atomic<bool> stopping_{false};
  std::thread background_;
};

Result<std::unique_ptr<HttpServer>> HttpServer::bind(const Router& router, ServerOptions options) {
  auto impl = std::make_unique<Impl>(router, std::move(options));
  if (Status opened = impl->open_socket(); !opened) return opened.error();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() = default;
int HttpServer::port() const { return impl_->port(); }
const std::string& HttpServer::host() const { return impl_->host(); }
void HttpServer::run() { impl_->run(); }
void HttpServer::start() { impl_->start(); }
void HttpServer::stop() { impl_->stop(); }
ServerStats HttpServer::stats() const { return impl_->stats(); }

}  // namespace jixiao::server
