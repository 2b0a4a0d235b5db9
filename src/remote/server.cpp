// The remote's HTTP server (see server.h).
//
// Index of this file:
// [SECTION] The server's state
// [SECTION] Answers
// [SECTION] Event streams
// [SECTION] Routes
// [SECTION] Start and stop

#include "remote/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "remote/pages.h"
#include "remote/pictures.h"
#include "remote/rate.h"

namespace madang::remote {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The server's state
//-----------------------------------------------------------------------------

constexpr double kHeartbeatMs = 15'000;  // an idle event stream hears ":" this often

double steady_ms() {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

enum class RouteKind {
  kControlPage,
  kAudiencePage,
  kState,
  kEvents,
  kNext,
  kPrev,
  kGoto,
  kBlack,
  kPointer,
  kSlide,
};

struct Route {
  RouteKind kind;
  bool post = false;     // else GET
  bool control = false;  // the control token only
  bool token = true;     // needs a token at all
};

// The fixed routes: a path is one of these, or it is not found.
std::optional<Route> route_of(std::string_view path, int* slide) {
  if (path == "/r") return Route{RouteKind::kControlPage, false, false, false};
  if (path == "/a") return Route{RouteKind::kAudiencePage, false, false, false};
  if (path == "/api/state") return Route{RouteKind::kState};
  if (path == "/api/events") return Route{RouteKind::kEvents};
  if (path == "/api/next") return Route{RouteKind::kNext, true, true};
  if (path == "/api/prev") return Route{RouteKind::kPrev, true, true};
  if (path == "/api/goto") return Route{RouteKind::kGoto, true, true};
  if (path == "/api/black") return Route{RouteKind::kBlack, true, true};
  if (path == "/api/pointer") return Route{RouteKind::kPointer, true, true};
  constexpr std::string_view kSlidePrefix = "/api/slide/", kPng = ".png";
  if (path.size() > kSlidePrefix.size() + kPng.size() &&
      path.substr(0, kSlidePrefix.size()) == kSlidePrefix &&
      path.substr(path.size() - kPng.size()) == kPng) {
    const std::string_view digits =
        path.substr(kSlidePrefix.size(), path.size() - kSlidePrefix.size() - kPng.size());
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    int n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    *slide = n;
    return Route{RouteKind::kSlide};
  }
  return std::nullopt;
}

// A number 0..limit written as plain decimal digits; -1 otherwise.
int small_number(const char* text, int limit) {
  if (!text || !*text || std::strlen(text) > 6) return -1;
  int n = 0;
  for (const char* p = text; *p; ++p) {
    if (*p < '0' || *p > '9') return -1;
    n = n * 10 + (*p - '0');
  }
  return n <= limit ? n : -1;
}

class ServerImpl;

// A slide picture to draw, on the picture thread (the polling thread never
// renders: it would hold every other connection, event streams included).
struct PictureJob {
  MHD_Connection* connection = nullptr;  // suspended until the picture is done
  std::shared_ptr<const deck::Deck> deck;
  int generation = 0, slide = 0, step = 0, width = 0;
  std::shared_ptr<const std::string> png;  // nullptr: none (stopping, or no such slide)
};

// One connection's request in progress (a POST's body, a picture).
struct Pending {
  Route route{RouteKind::kState};
  Role role = Role::kNone;
  std::string body;
  bool too_big = false;
  std::shared_ptr<PictureJob> picture;
};

// One event stream.
struct Stream {
  ServerImpl* server = nullptr;
  MHD_Connection* connection = nullptr;
  Role role = Role::kNone;
  std::string client;
  std::uint64_t sent = 0;  // the snapshot version last sent
  std::string out;         // bytes not yet handed to libmicrohttpd
  std::size_t out_at = 0;
  double written_ms = 0;
  bool suspended = false;  // by us, until the pump resumes it (under mutex_)
  bool close = false;      // replaced by the same page's new stream, or stopping
};

class ServerImpl final : public Server {
 public:
  ServerImpl(const ServerOptions& options, std::function<void()> wake)
      : options_(options),
        wake_(std::move(wake)),
        commands_rate_(options.limits.commands_per_s, options.limits.commands_burst),
        pointer_rate_(options.limits.pointer_per_s, options.limits.pointer_burst),
        control_reads_(options.limits.reads_per_s, options.limits.reads_burst),
        audience_reads_(options.limits.reads_per_s, options.limits.reads_burst),
        refused_rate_(options.limits.refused_per_s, options.limits.refused_burst) {}
  ~ServerImpl() override { stop(); }

  bool begin(std::string* error);
  void stop();

  int port() const override { return port_; }
  const Tokens& tokens() const override { return tokens_; }
  std::string control_url() const override {
    return "http://" + options_.bind + ":" + std::to_string(port_) + "/r#" + tokens_.control;
  }
  std::string audience_url() const override {
    return "http://" + options_.bind + ":" + std::to_string(port_) + "/a#" + tokens_.audience;
  }
  void publish(Snapshot snapshot) override;
  std::vector<Command> take_commands() override;
  ServerStats stats() const override;

  // libmicrohttpd's callbacks.
  MHD_Result request(MHD_Connection* c, const char* url, const char* method, const char* upload,
                     std::size_t* upload_size, void** context);
  ssize_t stream_read(Stream* s, char* buf, std::size_t max);
  void stream_done(Stream* s);

 private:
  MHD_Result answer(MHD_Connection* c, unsigned status, std::string body,
                    const char* type = "application/json; charset=utf-8");
  MHD_Result refuse(MHD_Connection* c, unsigned status, const char* message);
  MHD_Result route(MHD_Connection* c, const Pending& p);
  MHD_Result command(MHD_Connection* c, const Pending& p);
  MHD_Result picture(MHD_Connection* c, Role role, int slide, void** context);
  void draw_pictures();
  MHD_Result events(MHD_Connection* c, Role role);
  std::shared_ptr<const Snapshot> snapshot() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
  }
  void pump();

  ServerOptions options_;
  std::function<void()> wake_;
  Tokens tokens_;
  MHD_Daemon* daemon_ = nullptr;
  int port_ = 0;

  // Shared with the show's thread and the pump (under mutex_).
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::uint64_t version_ = 0;
  int furthest_slide_ = 1;  // the audience may see slides up to this one
  std::deque<Command> commands_;
  std::set<Stream*> streams_;
  bool stopping_ = false;
  bool pump_due_ = false;
  std::condition_variable pump_cv_;
  std::thread pump_;

  // The polling thread's own.
  RateLimit commands_rate_, pointer_rate_, control_reads_, audience_reads_, refused_rate_;
  SequenceLog sequences_;

  // The picture thread's (its renderer and caches are its own); the queue
  // under mutex_.
  static constexpr std::size_t kPictureQueue = 16;
  std::deque<std::shared_ptr<PictureJob>> picture_jobs_;
  std::condition_variable picture_cv_;
  std::thread picture_thread_;
  SlidePictures pictures_;

  std::atomic<long long> requests_{0}, refused_{0}, limited_{0}, commands_count_{0}, duplicates_{0},
      pictures_count_{0};
};

//-----------------------------------------------------------------------------
// [SECTION] Answers
//-----------------------------------------------------------------------------

void common_headers(MHD_Response* r) {
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
}

MHD_Result ServerImpl::answer(MHD_Connection* c, unsigned status, std::string body,
                              const char* type) {
  MHD_Response* r =
      MHD_create_response_from_buffer(body.size(), body.data(), MHD_RESPMEM_MUST_COPY);
  if (!r) return MHD_NO;
  common_headers(r);
  MHD_add_response_header(r, "Content-Type", type);
  if (status == 401) MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
  if (std::strncmp(type, "text/html", 9) == 0) {
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; script-src 'unsafe-inline'; style-src "
                            "'unsafe-inline'; img-src blob:; connect-src 'self'; "
                            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  }
  const MHD_Result ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

MHD_Result ServerImpl::refuse(MHD_Connection* c, unsigned status, const char* message) {
  ++refused_;
  // Past the budget of refusals the connection is dropped without a word:
  // a scan or a guesser costs us no more than closing a socket.
  if (!refused_rate_.take(steady_ms())) {
    ++limited_;
    return MHD_NO;
  }
  return answer(c, status, std::string("{\"error\":\"") + message + "\"}");
}

void ServerImpl::publish(Snapshot snapshot) {
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ && *snapshot_ == snapshot) return;
    snapshot.version = ++version_;
    furthest_slide_ = std::max(furthest_slide_, snapshot.slide);
    snapshot_ = std::make_shared<const Snapshot>(std::move(snapshot));
    pump_due_ = true;
  }
  pump_cv_.notify_one();
}

std::vector<Command> ServerImpl::take_commands() {
  std::lock_guard lock(mutex_);
  std::vector<Command> out(commands_.begin(), commands_.end());
  commands_.clear();
  return out;
}

ServerStats ServerImpl::stats() const {
  ServerStats s;
  s.requests = requests_;
  s.refused = refused_;
  s.limited = limited_;
  s.commands = commands_count_;
  s.duplicates = duplicates_;
  s.pictures = pictures_count_;
  std::lock_guard lock(mutex_);
  s.streams = static_cast<int>(streams_.size());
  return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Event streams
//-----------------------------------------------------------------------------

ssize_t stream_read_cb(void* cls, std::uint64_t, char* buf, std::size_t max) {
  auto* s = static_cast<Stream*>(cls);
  return s->server->stream_read(s, buf, max);
}

void stream_free_cb(void* cls) {
  auto* s = static_cast<Stream*>(cls);
  s->server->stream_done(s);
}

ssize_t ServerImpl::stream_read(Stream* s, char* buf, std::size_t max) {
  const double now = steady_ms();
  if (s->out_at >= s->out.size()) {
    s->out.clear();
    s->out_at = 0;
    std::shared_ptr<const Snapshot> snap;
    {
      std::lock_guard lock(mutex_);
      if (stopping_ || s->close) return MHD_CONTENT_READER_END_WITH_ERROR;
      snap = snapshot_;
    }
    if (snap && snap->version != s->sent) {
      s->out = "id: " + std::to_string(snap->version) +
               "\nevent: state\ndata: " + state_json(*snap, s->role == Role::kControl) + "\n\n";
      s->sent = snap->version;
    } else if (now - s->written_ms >= kHeartbeatMs / 2) {
      // (The pump wakes every kHeartbeatMs: a stream hears at least that often.)
      s->out = ":\n\n";
    }
  }
  if (s->out_at < s->out.size()) {
    const std::size_t n = std::min(max, s->out.size() - s->out_at);
    std::memcpy(buf, s->out.data() + s->out_at, n);
    s->out_at += n;
    s->written_ms = now;
    return static_cast<ssize_t>(n);
  }
  // Nothing to say: out of the polling loop until the pump resumes it (a new
  // snapshot, the heartbeat, or the end).
  std::lock_guard lock(mutex_);
  if (stopping_ || s->close) return MHD_CONTENT_READER_END_WITH_ERROR;
  if (snapshot_ && snapshot_->version != s->sent) return 0;  // called again at once
  s->suspended = true;
  MHD_suspend_connection(s->connection);
  return 0;
}

void ServerImpl::stream_done(Stream* s) {
  {
    std::lock_guard lock(mutex_);
    streams_.erase(s);
  }
  delete s;
}

MHD_Result ServerImpl::events(MHD_Connection* c, Role role) {
  const char* client_arg = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "client");
  std::string client = client_arg && std::strlen(client_arg) <= 64 ? client_arg : "";
  auto* s = new Stream;
  s->server = this;
  s->connection = c;
  s->role = role;
  s->client = client;
  s->written_ms = steady_ms();
  std::vector<MHD_Connection*> resume;
  {
    std::lock_guard lock(mutex_);
    int same_role = 0;
    for (Stream* other : streams_) {
      if (other->role != role || other->close) continue;
      // The same page again (after its phone slept): its old stream goes.
      if (!client.empty() && other->client == client) {
        other->close = true;
        if (other->suspended) {
          other->suspended = false;
          resume.push_back(other->connection);
        }
        continue;
      }
      ++same_role;
    }
    const int cap = role == Role::kControl ? options_.limits.remotes : options_.limits.audience;
    if (same_role >= cap) {
      delete s;
      s = nullptr;
    } else {
      streams_.insert(s);
    }
  }
  for (MHD_Connection* other : resume) MHD_resume_connection(other);
  if (!s) return refuse(c, 503, "too many streams");
  MHD_Response* r =
      MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_read_cb, s, stream_free_cb);
  if (!r) {
    stream_done(s);
    return MHD_NO;
  }
  common_headers(r);
  MHD_add_response_header(r, "Content-Type", "text/event-stream; charset=utf-8");
  const MHD_Result ok = MHD_queue_response(c, 200, r);
  MHD_destroy_response(r);
  return ok;
}

// Wakes the streams that wait: at each new snapshot, and each heartbeat.
void ServerImpl::pump() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    pump_cv_.wait_for(lock, std::chrono::milliseconds(static_cast<int>(kHeartbeatMs)),
                      [&] { return pump_due_ || stopping_; });
    pump_due_ = false;
    std::vector<MHD_Connection*> resume;
    for (Stream* s : streams_) {
      if (s->suspended) {
        s->suspended = false;
        resume.push_back(s->connection);
      }
    }
    lock.unlock();
    // Suspended connections are never freed by libmicrohttpd: these stay
    // valid until resumed here.
    for (MHD_Connection* c : resume) MHD_resume_connection(c);
    lock.lock();
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Routes
//-----------------------------------------------------------------------------

MHD_Result ServerImpl::request(MHD_Connection* c, const char* url, const char* method,
                               const char* upload, std::size_t* upload_size, void** context) {
  auto* pending = static_cast<Pending*>(*context);
  if (pending) {
    // A POST's body, in pieces, then the end (upload_size 0).
    if (*upload_size > 0) {
      if (pending->body.size() + *upload_size > options_.limits.body_bytes) {
        pending->too_big = true;
      } else {
        pending->body.append(upload, *upload_size);
      }
      *upload_size = 0;
      return MHD_YES;
    }
    if (pending->picture) {
      // Back from the picture thread.
      if (!pending->picture->png) return refuse(c, 404, "no such slide");
      return answer(c, 200, *pending->picture->png, "image/png");
    }
    if (pending->too_big) return refuse(c, 413, "body too large");
    return command(c, *pending);
  }
  ++requests_;
  int slide = 0;
  const std::optional<Route> found = route_of(url ? url : "", &slide);
  if (!found) return refuse(c, 404, "not found");
  const bool post = std::strcmp(method, MHD_HTTP_METHOD_POST) == 0;
  const bool get = std::strcmp(method, MHD_HTTP_METHOD_GET) == 0;
  if ((found->post && !post) || (!found->post && !get)) return refuse(c, 405, "method not allowed");
  if (found->kind == RouteKind::kControlPage && !options_.control)
    return refuse(c, 404, "not found");
  Role role = Role::kNone;
  if (found->token) {
    const char* auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    role = role_of(auth ? auth : "", tokens_);
    if (role == Role::kControl && !options_.control) role = Role::kNone;
    if (role == Role::kNone) return refuse(c, 401, "token");
    if (found->control && role != Role::kControl) return refuse(c, 403, "read only");
  }
  const double now = steady_ms();
  if (found->post) {
    RateLimit& rate = found->kind == RouteKind::kPointer ? pointer_rate_ : commands_rate_;
    if (!rate.take(now)) {
      ++limited_;
      return answer(c, 429, "{\"error\":\"slow down\"}");
    }
    // A body announced larger than the cap is refused before it is read.
    const char* length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    if (length && std::strtoull(length, nullptr, 10) > options_.limits.body_bytes) {
      return refuse(c, 413, "body too large");
    }
    *context = new Pending{*found, role, {}, false, nullptr};
    return MHD_YES;
  }
  if (found->token) {
    RateLimit& rate = role == Role::kControl ? control_reads_ : audience_reads_;
    if (!rate.take(now)) {
      ++limited_;
      return answer(c, 429, "{\"error\":\"slow down\"}");
    }
  }
  if (found->kind == RouteKind::kSlide) return picture(c, role, slide, context);
  return route(c, Pending{*found, role, {}, false, nullptr});
}

MHD_Result ServerImpl::route(MHD_Connection* c, const Pending& p) {
  switch (p.route.kind) {
    case RouteKind::kControlPage:
      return answer(c, 200, control_page(), "text/html; charset=utf-8");
    case RouteKind::kAudiencePage:
      return answer(c, 200, audience_page(), "text/html; charset=utf-8");
    case RouteKind::kState: {
      const std::shared_ptr<const Snapshot> snap = snapshot();
      if (!snap) return answer(c, 503, "{\"error\":\"starting\"}");
      return answer(c, 200, state_json(*snap, p.role == Role::kControl));
    }
    case RouteKind::kEvents:
      return events(c, p.role);
    default:
      return refuse(c, 404, "not found");
  }
}

MHD_Result ServerImpl::picture(MHD_Connection* c, Role role, int slide, void** context) {
  const int width =
      small_number(MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "w"), kMaxPictureWidth);
  if (width < kMinPictureWidth) return refuse(c, 400, "w: 64..2048");
  const char* step_arg = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "step");
  int step = step_arg ? small_number(step_arg, 9999) : 0;
  if (step < 0) return refuse(c, 400, "step");
  const std::shared_ptr<const Snapshot> snap = snapshot();
  if (!snap || !snap->deck) return answer(c, 503, "{\"error\":\"starting\"}");
  if (slide < 1 || slide > static_cast<int>(snap->deck->slides.size())) {
    return refuse(c, 404, "no such slide");
  }
  if (role != Role::kControl) {
    // The audience sees what the hall has shown, not what is to come.
    int furthest = 1;
    {
      std::lock_guard lock(mutex_);
      furthest = furthest_slide_;
    }
    if (slide > furthest) return refuse(c, 403, "not shown yet");
    if (slide == snap->slide) step = step == 0 ? snap->step : std::min(step, snap->step);
  } else if (step == 0 && slide == snap->slide) {
    step = snap->step;
  }
  auto job = std::make_shared<PictureJob>();
  job->connection = c;
  job->deck = snap->deck;
  job->generation = snap->deck_generation;
  job->slide = slide;
  job->step = step;
  job->width = width;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || picture_jobs_.size() >= kPictureQueue) {
      return answer(c, 503, "{\"error\":\"busy\"}");
    }
    // Suspended before the job is queued, so that the picture thread's
    // resume always finds it suspended.
    MHD_suspend_connection(c);
    picture_jobs_.push_back(job);
  }
  *context = new Pending{Route{RouteKind::kSlide}, role, {}, false, job};
  picture_cv_.notify_one();
  return MHD_YES;
}

void ServerImpl::draw_pictures() {
  std::unique_lock lock(mutex_);
  for (;;) {
    picture_cv_.wait(lock, [&] { return stopping_ || !picture_jobs_.empty(); });
    if (picture_jobs_.empty()) return;  // stopping
    const std::shared_ptr<PictureJob> job = picture_jobs_.front();
    picture_jobs_.pop_front();
    const bool draw = !stopping_;
    lock.unlock();
    if (draw) {
      job->png = pictures_.png(job->deck, job->generation, job->slide, job->step, job->width);
      if (job->png) ++pictures_count_;
    }
    MHD_resume_connection(job->connection);
    lock.lock();
  }
}

MHD_Result ServerImpl::command(MHD_Connection* c, const Pending& p) {
  const nlohmann::json body = nlohmann::json::parse(p.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return refuse(c, 400, "JSON object expected");
  Command cmd;
  if (p.route.kind == RouteKind::kPointer) {
    cmd.kind = Command::Kind::kPointer;
    const auto x = body.find("x"), y = body.find("y"), v = body.find("visible");
    if (v != body.end() && !v->is_boolean()) return refuse(c, 400, "visible");
    cmd.visible = v == body.end() || v->get<bool>();
    if (cmd.visible) {
      if (x == body.end() || y == body.end() || !x->is_number() || !y->is_number()) {
        return refuse(c, 400, "x, y");
      }
      const double fx = x->get<double>(), fy = y->get<double>();
      if (!std::isfinite(fx) || !std::isfinite(fy)) return refuse(c, 400, "x, y");
      cmd.x = static_cast<float>(std::clamp(fx, 0.0, 1.0));
      cmd.y = static_cast<float>(std::clamp(fy, 0.0, 1.0));
    }
  } else {
    const auto seq = body.find("seq"), client = body.find("client");
    if (seq == body.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 1) {
      return refuse(c, 400, "seq: a number from 1");
    }
    if (client != body.end() && (!client->is_string() || client->get<std::string>().size() > 64)) {
      return refuse(c, 400, "client");
    }
    const std::string id = client != body.end() ? client->get<std::string>() : "";
    switch (p.route.kind) {
      case RouteKind::kNext:
        cmd.kind = Command::Kind::kNext;
        break;
      case RouteKind::kPrev:
        cmd.kind = Command::Kind::kPrev;
        break;
      case RouteKind::kBlack:
        cmd.kind = Command::Kind::kBlack;
        break;
      case RouteKind::kGoto: {
        cmd.kind = Command::Kind::kGoto;
        const auto slide = body.find("slide"), step = body.find("step");
        if (slide == body.end() || !slide->is_number_integer()) return refuse(c, 400, "slide");
        if (step != body.end() && !step->is_number_integer()) return refuse(c, 400, "step");
        cmd.slide = static_cast<int>(std::clamp<std::int64_t>(slide->get<std::int64_t>(), 1, 9999));
        cmd.step =
            step == body.end()
                ? 1
                : static_cast<int>(std::clamp<std::int64_t>(step->get<std::int64_t>(), 1, 9999));
        break;
      }
      default:
        return refuse(c, 404, "not found");
    }
    if (!sequences_.fresh(id, seq->get<std::int64_t>())) {
      // A repeat (a retry whose first try got through): done already.
      ++duplicates_;
      return answer(c, 200, "{\"ok\":true,\"duplicate\":true}");
    }
  }
  {
    std::lock_guard lock(mutex_);
    if (commands_.size() >= options_.limits.queue) return answer(c, 503, "{\"error\":\"busy\"}");
    commands_.push_back(cmd);
  }
  ++commands_count_;
  if (wake_) wake_();
  return answer(c, 200, "{\"ok\":true}");
}

//-----------------------------------------------------------------------------
// [SECTION] Start and stop
//-----------------------------------------------------------------------------

MHD_Result request_cb(void* cls, MHD_Connection* c, const char* url, const char* method,
                      const char*, const char* upload, std::size_t* upload_size, void** context) {
  return static_cast<ServerImpl*>(cls)->request(c, url, method, upload, upload_size, context);
}

void completed_cb(void*, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
  delete static_cast<Pending*>(*context);
  *context = nullptr;
}

void quiet_log(void*, const char*, va_list) {}  // nothing a client sends reaches a log

bool ServerImpl::begin(std::string* error) {
  if (!new_tokens(&tokens_)) {
    *error = "no randomness for the tokens (getrandom failed)";
    return false;
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(options_.port));
  if (inet_pton(AF_INET, options_.bind.c_str(), &address.sin_addr) != 1) {
    *error = "--remote-bind: not an IPv4 address: " + options_.bind;
    return false;
  }
  const Limits& l = options_.limits;
  daemon_ = MHD_start_daemon(
      MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME, 0, nullptr, nullptr, request_cb,
      this, MHD_OPTION_SOCK_ADDR, &address, MHD_OPTION_CONNECTION_LIMIT,
      static_cast<unsigned>(l.connections), MHD_OPTION_PER_IP_CONNECTION_LIMIT,
      static_cast<unsigned>(l.per_address), MHD_OPTION_CONNECTION_TIMEOUT,
      static_cast<unsigned>(l.timeout_s), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      static_cast<std::size_t>(l.header_bytes), MHD_OPTION_NOTIFY_COMPLETED, completed_cb, nullptr,
      MHD_OPTION_EXTERNAL_LOGGER, quiet_log, nullptr, MHD_OPTION_END);
  if (!daemon_) {
    *error = "cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
             " (in use, or not this machine's address)";
    return false;
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
  port_ = info ? info->port : options_.port;
  pump_ = std::thread([this] { pump(); });
  picture_thread_ = std::thread([this] { draw_pictures(); });
  return true;
}

void ServerImpl::stop() {
  if (!daemon_) return;
  std::vector<MHD_Connection*> resume;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (Stream* s : streams_) {
      if (s->suspended) {
        s->suspended = false;
        resume.push_back(s->connection);
      }
    }
  }
  pump_cv_.notify_one();
  picture_cv_.notify_one();
  if (pump_.joinable()) pump_.join();
  // The picture thread resumes whatever it still holds, undrawn.
  if (picture_thread_.joinable()) picture_thread_.join();
  for (MHD_Connection* c : resume) MHD_resume_connection(c);
  // Stop taking connections, then let the polling thread finish the streams
  // (they end at their next read) before the daemon goes.
  MHD_quiesce_daemon(daemon_);
  for (int i = 0; i < 50; ++i) {
    {
      std::lock_guard lock(mutex_);
      if (streams_.empty()) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  MHD_stop_daemon(daemon_);
  daemon_ = nullptr;
}

}  // namespace

std::unique_ptr<Server> Server::start(const ServerOptions& options, std::function<void()> wake,
                                      std::string* error) {
  auto server = std::make_unique<ServerImpl>(options, std::move(wake));
  if (!server->begin(error)) return nullptr;
  return server;
}

}  // namespace madang::remote
