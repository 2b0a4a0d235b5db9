// The remote: a small HTTP server inside Madang (libmicrohttpd), for the
// speaker's phone (/r) and the audience's (/a).
//
// Promise: only the fixed routes below exist, and no file is ever read for
// a request. Every state, picture and command needs a token (Authorization:
// Bearer TOKEN): 401 without a right one, 403 for the audience's on a
// control route, 404 for any other path, 405 for another method. The request
// line and headers are capped (Limits::header_bytes: 431 or 414 above),
// bodies too (Limits::body_bytes: 413), idle connections are cut after
// Limits::timeout_s, connections are capped in all and per address, event
// streams per role, and requests are rate limited per role (429).
//
// Threads: libmicrohttpd's one polling thread answers every connection (no
// thread per client), and a second thread wakes the event streams. The
// show's thread only calls publish() and take_commands(), which hold a lock
// for a pointer swap or a queue move: nothing a client does can delay a frame.
// A command is queued (bounded) and `wake` is called, from the server's
// thread, so that the show's loop drains the queue.
//
// Routes:
//   GET  /r, /a                  the pages (static, no secret in them)
//   GET  /api/state              the state as JSON (remote/snapshot.h)
//   GET  /api/events             the same as server-sent events, on each change
//   POST /api/next, /api/prev    {"client": "ID", "seq": N}
//   POST /api/goto               {"client", "seq", "slide": N, "step": K}
//   POST /api/black              {"client", "seq"}: black screen on or off
//   POST /api/pointer            {"x": 0..1, "y": 0..1, "visible": true}
//   GET  /api/slide/N.png?w=W    slide N at the current step (or &step=K)
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "remote/snapshot.h"
#include "remote/token.h"

namespace madang::remote {

struct Limits {
  int connections = 96;                          // sockets open at once, in all
  int per_address = 48;                          // from one client address
  int remotes = 3;                               // speakers' event streams
  int audience = 64;                             // audience event streams
  int timeout_s = 10;                            // an idle connection is closed
  std::size_t header_bytes = 8192;               // request line + headers (per connection memory)
  std::size_t body_bytes = 512;                  // a command's JSON
  int commands_per_s = 20, commands_burst = 40;  // control, all remotes together
  int pointer_per_s = 120, pointer_burst = 120;  // the laser pointer
  int reads_per_s = 200, reads_burst = 400;      // state and pictures, per role
  int refused_per_s = 50, refused_burst = 100;   // answers 401/403/404, in all
  std::size_t queue = 64;                        // commands waiting for the show
};

struct ServerOptions {
  std::string bind = "127.0.0.1";  // an IPv4 address
  int port = 0;                    // 0: a free one
  Limits limits;
  bool control = true;  // false: only the audience page and its routes (a kiosk without PIN)
};

// What the server counted (tests and the benchmark).
struct ServerStats {
  long long requests = 0, refused = 0, limited = 0, commands = 0, duplicates = 0;
  long long pictures = 0;
  int streams = 0;
};

class Server {
 public:
  // Binds and starts the threads; nullptr and `error` when it cannot.
  static std::unique_ptr<Server> start(const ServerOptions& options, std::function<void()> wake,
                                       std::string* error);
  virtual ~Server() = default;

  virtual int port() const = 0;
  virtual const Tokens& tokens() const = 0;
  // "http://ADDRESS:PORT/r#TOKEN" and ".../a#TOKEN".
  virtual std::string control_url() const = 0;
  virtual std::string audience_url() const = 0;

  // The show's thread: the state now. Streams hear of it when it differs
  // from the last one published.
  virtual void publish(Snapshot snapshot) = 0;
  // The show's thread: the commands that came since the last call, oldest first.
  virtual std::vector<Command> take_commands() = 0;

  virtual ServerStats stats() const = 0;
};

}  // namespace madang::remote
