// One accepted TCP connection and the httplib::Stream that reads and writes it with timeouts.
// Bytes received beyond the current request stay in the connection's buffer, so pipelined
// requests are served in order.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <httplib.h>

namespace jixiao::server {

struct Connection {
  int fd = -1;
  std::string remote_ip, local_ip;
  int remote_port = 0, local_port = 0;
  std::vector<char> buffer;  // received, not yet consumed bytes are [begin, end)
  std::size_t begin = 0, end = 0;
  std::size_t requests = 0;  // requests served on this connection
  std::chrono::steady_clock::time_point idle_since;

  bool has_buffered_bytes() const { return begin < end; }
};

// A Stream over a non-blocking socket. Each read waits at most `read_timeout` and never past
// `deadline` (the whole request must arrive by then, against slow-drip clients); each write
// waits at most `write_timeout` for the socket to drain.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(Connection& connection, std::chrono::milliseconds read_timeout,
                   std::chrono::milliseconds write_timeout,
                   std::chrono::steady_clock::time_point deadline);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override;

 private:
  // Waits for `events` (POLLIN/POLLOUT) up to `timeout`, bounded by the deadline for reads.
  bool wait_for(short events, std::chrono::milliseconds timeout, bool reading) const;
  ssize_t receive(char* ptr, size_t size);

  Connection& c_;
  std::chrono::milliseconds read_timeout_, write_timeout_;
  std::chrono::steady_clock::time_point deadline_;
};

// Fills ip/port for the peer (remote) or our side (local) of `fd`.
void socket_address(int fd, bool remote, std::string& ip, int& port);

// Reads and discards what the peer still sends (up to a time and byte budget) after we stop
// writing, so that an early error answer (e.g. 413 while an upload is still arriving) reaches
// the client instead of being lost to a connection reset. Then closes `fd`.
void lingering_close(int fd);

}  // namespace jixiao::server
