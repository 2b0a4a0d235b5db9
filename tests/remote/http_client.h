// A plain HTTP/1.1 client for the remote's tests, on 127.0.0.1 only: raw
// sockets, so that a test can send what no browser would (a malformed
// request line, a header too large, a request a byte at a time).
//
// Promise: every call is bounded in time (socket timeouts); nothing but the
// loopback address is ever connected to.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace madang::remote::test {

struct Reply {
  int status = 0;                              // 0: no answer (closed, timed out)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

// A connected socket to 127.0.0.1:port with send and receive timeouts; -1
// when it cannot connect. `source` (a loopback address, 127.0.0.2) stands
// for another client on the LAN.
int connect_loopback(int port, std::chrono::milliseconds timeout = std::chrono::seconds(5),
                     const char* source = nullptr);

// Sends all of `data`; false on failure.
bool send_all(int fd, const std::string& data);

// Reads one response (headers, then a Content-Length body or chunks, or to
// the end); status 0 when none came.
Reply read_reply(int fd);

// One request on a new connection (closed after): raw bytes.
Reply raw(int port, const std::string& request,
          std::chrono::milliseconds timeout = std::chrono::seconds(5),
          const char* source = nullptr);

// One request: METHOD PATH with `token` as a Bearer (none when empty) and
// `body` as JSON (none when empty).
Reply call(int port, const std::string& method, const std::string& path,
           const std::string& token = "", const std::string& body = "",
           const char* source = nullptr);

// An event stream: opens GET /api/events and reads events from it.
class EventStream {
 public:
  EventStream(int port, const std::string& token, const std::string& client = "");
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;
  int status() const { return status_; }
  // The data of the next `event: state` within `timeout`; "" on none (or
  // when the stream ended).
  std::string next(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  bool ended() const { return ended_; }

 private:
  int fd_ = -1;
  int status_ = 0;
  bool ended_ = false;
  std::string buffer_;  // decoded body not yet consumed
  std::string raw_;     // chunked bytes not yet decoded
  bool fill(std::chrono::milliseconds timeout);
};

// Resident memory of this process, in kB (VmRSS).
long resident_kb();

}  // namespace madang::remote::test
