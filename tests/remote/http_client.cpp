// The tests' HTTP client (see http_client.h).
#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <fstream>

namespace madang::remote::test {

int connect_loopback(int port, std::chrono::milliseconds timeout, const char* source) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  if (source) {
    sockaddr_in from{};
    from.sin_family = AF_INET;
    if (::inet_pton(AF_INET, source, &from.sin_addr) != 1 ||
        (ntohl(from.sin_addr.s_addr) >> 24) != 127 ||
        ::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
      ::close(fd);
      return -1;
    }
  }
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1, and nothing else
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, const std::string& data) {
  std::size_t at = 0;
  while (at < data.size()) {
    const ssize_t n = ::send(fd, data.data() + at, data.size() - at, MSG_NOSIGNAL);
    if (n <= 0) return false;
    at += static_cast<std::size_t>(n);
  }
  return true;
}

namespace {

// Reads more into `buf`; false at the end or on a timeout.
bool read_more(int fd, std::string& buf) {
  char chunk[8192];
  const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buf.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Decodes as many whole chunks of `raw` as there are into `out`; true when
// the last (empty) chunk was read.
bool dechunk(std::string& raw, std::string& out) {
  for (;;) {
    const std::size_t eol = raw.find("\r\n");
    if (eol == std::string::npos) return false;
    const std::size_t size = std::strtoul(raw.substr(0, eol).c_str(), nullptr, 16);
    if (size == 0) {
      raw.clear();
      return true;
    }
    if (raw.size() < eol + 2 + size + 2) return false;
    out.append(raw, eol + 2, size);
    raw.erase(0, eol + 2 + size + 2);
  }
}

}  // namespace

Reply read_reply(int fd) {
  Reply r;
  std::string buf;
  std::size_t end = std::string::npos;
  while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
    if (!read_more(fd, buf) || buf.size() > (1u << 20)) return r;
  }
  const std::string head = buf.substr(0, end);
  std::string rest = buf.substr(end + 4);
  if (head.size() < 12 || head.compare(0, 5, "HTTP/") != 0) return r;
  r.status = std::atoi(head.c_str() + 9);
  std::size_t line = head.find("\r\n");
  while (line != std::string::npos) {
    const std::size_t next = head.find("\r\n", line + 2);
    const std::string h =
        head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
    const std::size_t colon = h.find(':');
    if (colon != std::string::npos) {
      std::size_t v = colon + 1;
      while (v < h.size() && h[v] == ' ') ++v;
      r.headers[lower(h.substr(0, colon))] = h.substr(v);
    }
    line = next;
  }
  if (r.headers.count("content-length")) {
    const std::size_t want = std::strtoul(r.headers["content-length"].c_str(), nullptr, 10);
    while (rest.size() < want && read_more(fd, rest)) {
    }
    r.body = rest.substr(0, want);
  } else if (lower(r.headers["transfer-encoding"]) == "chunked") {
    while (!dechunk(rest, r.body) && read_more(fd, rest)) {
    }
  } else {
    while (read_more(fd, rest)) {
    }
    r.body = rest;
  }
  return r;
}

Reply raw(int port, const std::string& request, std::chrono::milliseconds timeout,
          const char* source) {
  const int fd = connect_loopback(port, timeout, source);
  if (fd < 0) return {};
  Reply r;
  if (send_all(fd, request)) r = read_reply(fd);
  ::close(fd);
  return r;
}

Reply call(int port, const std::string& method, const std::string& path, const std::string& token,
           const std::string& body, const char* source) {
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  if (!body.empty() || method == "POST") {
    req +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  return raw(port, req, std::chrono::seconds(5), source);
}

EventStream::EventStream(int port, const std::string& token, const std::string& client) {
  fd_ = connect_loopback(port);
  if (fd_ < 0) return;
  std::string req = "GET /api/events" + (client.empty() ? std::string() : "?client=" + client) +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  req += "\r\n";
  if (!send_all(fd_, req)) return;
  std::string buf;
  std::size_t end = std::string::npos;
  while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
    if (!read_more(fd_, buf)) return;
  }
  status_ = std::atoi(buf.c_str() + 9);
  raw_ = buf.substr(end + 4);
  if (status_ != 200) ended_ = true;
}

EventStream::~EventStream() {
  if (fd_ >= 0) ::close(fd_);
}

bool EventStream::fill(std::chrono::milliseconds timeout) {
  const std::size_t had = buffer_.size();
  if (dechunk(raw_, buffer_)) ended_ = true;
  if (buffer_.size() > had) return true;  // bytes that came with the headers
  if (ended_) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
  if (!read_more(fd_, raw_)) {
    ended_ = true;
    return false;
  }
  if (dechunk(raw_, buffer_)) ended_ = true;
  return true;
}

std::string EventStream::next(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    std::size_t cut;
    while ((cut = buffer_.find("\n\n")) != std::string::npos) {
      const std::string block = buffer_.substr(0, cut);
      buffer_.erase(0, cut + 2);
      const std::size_t data = block.find("data: ");
      if (block.find("event: state") != std::string::npos && data != std::string::npos) {
        return block.substr(data + 6);
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || ended_) return "";
    fill(left);
  }
}

long resident_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

}  // namespace madang::remote::test
