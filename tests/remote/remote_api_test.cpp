// The remote's API with a plain HTTP client on 127.0.0.1: every route and
// status (200, 401, 403, 404, 405, 413, 429), the tokens, sequence numbers
// (a repeated command never acts twice), the event stream with reconnection
// and resync, the audience kept out of what is to come, the pictures.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

#include "deck/parse.h"
#include "http_client.h"
#include "remote/qr.h"
#include "remote/server.h"
#include "remote/token.h"
#include "show/show.h"

namespace madang::remote {
namespace {

using namespace std::chrono_literals;
using test::call;
using test::raw;
using test::Reply;

const char* const kDeck = R"(---
title: 리모컨 시험
---

# 첫 번째

첫 번째 슬라이드

<!-- notes: 첫 노트 -->

---

## 두 번째: 목록

- 지역사회 <b>사회혁신</b>
- 생태계 조성 전략

---

## 세 번째: 조각

처음부터 보이는 문단

<!-- pause -->

한 번 더 누르면 나타나는 문단
)";

class RemoteApi : public ::testing::Test {
 protected:
  void SetUp() override {
    deck::ParseResult parsed = deck::parse_deck(kDeck, "remote.md");
    deck_ = std::make_shared<const deck::Deck>(parsed.deck);
    show_ = show::open_show(parsed.deck, {});
    ServerOptions options;
    options.limits = limits();
    std::string error;
    server_ = Server::start(
        options, [this] { ++wakes_; }, &error);
    ASSERT_NE(server_, nullptr) << error;
    port_ = server_->port();
    control_ = server_->tokens().control;
    audience_ = server_->tokens().audience;
    publish();
  }
  virtual Limits limits() { return {}; }

  // What the show's loop does: apply the queued commands, publish.
  void publish() { server_->publish(snapshot_of(show_, 0, "14:05", deck_, 0)); }
  int apply() {
    int n = 0;
    for (const Command& c : server_->take_commands()) {
      ++n;
      if (c.kind == Command::Kind::kNext) show::act(show_, {show::ActionKind::kNext}, 0);
      if (c.kind == Command::Kind::kPrev) show::act(show_, {show::ActionKind::kPrev}, 0);
      if (c.kind == Command::Kind::kBlack) show::act(show_, {show::ActionKind::kBlack}, 0);
      if (c.kind == Command::Kind::kGoto) {
        show::act(show_, {show::ActionKind::kGoto, c.slide - 1}, 0);
      }
    }
    publish();
    return n;
  }
  nlohmann::json state(const std::string& token) {
    const Reply r = call(port_, "GET", "/api/state", token);
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body, nullptr, false);
  }

  std::shared_ptr<const deck::Deck> deck_;
  show::Show show_;
  std::unique_ptr<Server> server_;
  std::atomic<int> wakes_{0};
  int port_ = 0;
  std::string control_, audience_;
};

TEST(RemoteTokens, AreLongRandomDistinctAndComparedWhole) {
  Tokens a, b;
  ASSERT_TRUE(new_tokens(&a));
  ASSERT_TRUE(new_tokens(&b));
  EXPECT_EQ(a.control.size(), 2u * kTokenBytes);
  EXPECT_GE(kTokenBytes * 8, 128);
  EXPECT_NE(a.control, a.audience);
  EXPECT_NE(a.control, b.control);  // new for every run
  EXPECT_EQ(role_of("Bearer " + a.control, a), Role::kControl);
  EXPECT_EQ(role_of("bearer " + a.audience, a), Role::kAudience);
  EXPECT_EQ(role_of("Bearer " + a.control.substr(1), a), Role::kNone);
  EXPECT_EQ(role_of("Bearer " + a.control + "x", a), Role::kNone);
  EXPECT_EQ(role_of(a.control, a), Role::kNone);
  EXPECT_EQ(role_of("Basic " + a.control, a), Role::kNone);
  EXPECT_EQ(role_of("Bearer ", a), Role::kNone);
  EXPECT_FALSE(same_token("", ""));
}

TEST(RemoteSequence, RepeatsAndOldNumbersAreRefused) {
  SequenceLog log(2);
  EXPECT_TRUE(log.fresh("a", 1));
  EXPECT_FALSE(log.fresh("a", 1));
  EXPECT_TRUE(log.fresh("b", 1));
  EXPECT_TRUE(log.fresh("a", 2));
  EXPECT_FALSE(log.fresh("a", 1));
  EXPECT_TRUE(log.fresh("c", 5));  // "b" is forgotten past the capacity
  EXPECT_TRUE(log.fresh("b", 1));
}

// The audience page puts the slide's HTML in place as it is: everything a
// deck says is text there, never markup.
TEST(RemoteSlideHtml, EscapesWhatTheDeckSays) {
  const deck::ParseResult parsed = deck::parse_deck(
      "# a <img src=x onerror=alert(1)> & \"q\"\n\n- `<script>x</script>`\n\n"
      "| h<b> |\n|---|\n| c'd |\n\n```\n</code></pre><script>\n```\n",
      "x.md");
  ASSERT_EQ(parsed.deck.slides.size(), 1u);
  const std::string html = slide_html(parsed.deck.slides[0], 0);
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
  // (The parser drops raw HTML; what stays is text.)
  EXPECT_NE(html.find("&amp; &quot;q&quot;"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("c&#39;d"), std::string::npos) << html;
  EXPECT_NE(html.find("<h1>"), std::string::npos);
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;"), std::string::npos)
      << html;
}

TEST(RemoteQr, EncodesTheAddress) {
  const QrCode qr = make_qr("http://127.0.0.1:40123/r#" + std::string(48, 'a'));
  EXPECT_GE(qr.size, 21);
  EXPECT_EQ(qr.dark.size(), static_cast<std::size_t>(qr.size * qr.size));
  EXPECT_TRUE(qr.at(0, 0) && qr.at(6, 6) && !qr.at(7, 7));  // a finder pattern's corner
}

TEST_F(RemoteApi, PagesAreStaticAndHoldNoSecret) {
  for (const char* page : {"/r", "/a"}) {
    Reply r = call(port_, "GET", page);
    ASSERT_EQ(r.status, 200) << page;
    EXPECT_NE(r.headers["content-type"].find("text/html"), std::string::npos);
    EXPECT_NE(r.headers["content-security-policy"].find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(r.body.find(control_), std::string::npos);
    EXPECT_EQ(r.body.find(audience_), std::string::npos);
    EXPECT_EQ(r.body.find("http://"), std::string::npos) << "no CDN, nothing from elsewhere";
    EXPECT_NE(r.body.find("lang=\"ko\""), std::string::npos);
  }
}

TEST_F(RemoteApi, StateNeedsAToken) {
  EXPECT_EQ(call(port_, "GET", "/api/state").status, 401);
  EXPECT_EQ(call(port_, "GET", "/api/state", "nonsense").status, 401);
  EXPECT_EQ(call(port_, "GET", "/api/state",
                 control_.substr(0, 47) + (control_.back() == '0' ? "1" : "0"))
                .status,
            401);
  Reply no_scheme = raw(port_,
                        "GET /api/state HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        "Authorization: " +
                            control_ + "\r\n\r\n");
  EXPECT_EQ(no_scheme.status, 401);
  EXPECT_EQ(no_scheme.headers["www-authenticate"], "Bearer");

  const nlohmann::json s = state(control_);
  EXPECT_EQ(s["slide"], 1);
  EXPECT_EQ(s["slides"], 3);
  EXPECT_EQ(s["step"], 1);
  EXPECT_EQ(s["steps"], 1);
  EXPECT_EQ(s["notes"], "첫 노트");
  EXPECT_EQ(s["timer"]["state"], "stopped");
  EXPECT_EQ(s["timer"]["clock"], "14:05");
  EXPECT_EQ(s["next"]["slide"], 2);
  EXPECT_NE(s["text"].get<std::string>().find("<h1>첫 번째</h1>"), std::string::npos);
  // The audience's has no notes.
  const nlohmann::json a = state(audience_);
  EXPECT_FALSE(a.contains("notes"));
  EXPECT_EQ(a["slide"], 1);
}

TEST_F(RemoteApi, UnknownRoutesAre404AndWrongMethods405) {
  for (const char* path : {"/", "/index.html", "/api", "/api/", "/api/state/", "/api/nexts", "/r/",
                           "/../etc/passwd", "/api/slide/1.jpg", "/api/slide/x.png",
                           "/api/slide/12345.png", "/api/slide/.png", "/favicon.ico"}) {
    EXPECT_EQ(call(port_, "GET", path, control_).status, 404) << path;
  }
  EXPECT_EQ(call(port_, "GET", "/api/next", control_).status, 405);
  EXPECT_EQ(call(port_, "POST", "/api/state", control_, "{}").status, 405);
  EXPECT_EQ(call(port_, "DELETE", "/api/state", control_).status, 405);
}

TEST_F(RemoteApi, ControlRoutesRefuseTheAudience) {
  for (const char* path : {"/api/next", "/api/prev", "/api/goto", "/api/black", "/api/pointer"}) {
    EXPECT_EQ(call(port_, "POST", path, "", R"({"seq":1})").status, 401) << path;
    EXPECT_EQ(call(port_, "POST", path, "wrong", R"({"seq":1})").status, 401) << path;
    EXPECT_EQ(call(port_, "POST", path, audience_, R"({"seq":1})").status, 403) << path;
  }
  EXPECT_EQ(apply(), 0) << "nothing refused reached the show";
  EXPECT_EQ(show_.at.slide, 0);
}

TEST_F(RemoteApi, CommandsMoveTheShowOnceEach) {
  Reply r = call(port_, "POST", "/api/next", control_, R"({"client":"p1","seq":1})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GE(wakes_.load(), 1) << "the show's loop is woken";
  // The same request again (a retry after a lost answer): it does nothing.
  r = call(port_, "POST", "/api/next", control_, R"({"client":"p1","seq":1})");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("duplicate"), std::string::npos);
  EXPECT_EQ(apply(), 1);
  EXPECT_EQ(state(control_)["slide"], 2);
  // An older number is a repeat too; another page has numbers of its own.
  EXPECT_NE(call(port_, "POST", "/api/next", control_, R"({"client":"p1","seq":0})").status, 200);
  EXPECT_NE(call(port_, "POST", "/api/prev", control_, R"({"client":"p1","seq":1})")
                .body.find("duplicate"),
            std::string::npos);
  EXPECT_EQ(call(port_, "POST", "/api/next", control_, R"({"client":"p2","seq":1})").status, 200);
  EXPECT_EQ(apply(), 1);
  EXPECT_EQ(state(control_)["slide"], 3);
  EXPECT_EQ(call(port_, "POST", "/api/prev", control_, R"({"client":"p1","seq":2})").status, 200);
  EXPECT_EQ(
      call(port_, "POST", "/api/goto", control_, R"({"client":"p1","seq":3,"slide":1})").status,
      200);
  EXPECT_EQ(call(port_, "POST", "/api/black", control_, R"({"client":"p1","seq":4})").status, 200);
  EXPECT_EQ(apply(), 3);
  const nlohmann::json s = state(control_);
  EXPECT_EQ(s["slide"], 1);
  EXPECT_EQ(s["blank"], "black");
  // The pointer: fractions of the slide, clamped; no sequence needed.
  EXPECT_EQ(call(port_, "POST", "/api/pointer", control_, R"({"x":0.25,"y":2})").status, 200);
  const std::vector<Command> taken = server_->take_commands();
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].kind, Command::Kind::kPointer);
  EXPECT_FLOAT_EQ(taken[0].x, 0.25f);
  EXPECT_FLOAT_EQ(taken[0].y, 1.0f);
}

TEST_F(RemoteApi, BadBodiesAre400AndLargeOnes413) {
  for (const char* body : {"", "{", "[]", "null", R"({"seq":"1"})", R"({"seq":1.5})",
                           R"({"seq":-3})", R"({"client":5,"seq":1})"}) {
    EXPECT_EQ(call(port_, "POST", "/api/next", control_, body).status, 400) << body;
  }
  EXPECT_EQ(call(port_, "POST", "/api/goto", control_, R"({"seq":9,"slide":"2"})").status, 400);
  EXPECT_EQ(call(port_, "POST", "/api/pointer", control_, R"({"x":"a","y":0})").status, 400);
  const std::string big = R"({"seq":1,"pad":")" + std::string(4096, 'x') + "\"}";
  EXPECT_EQ(call(port_, "POST", "/api/next", control_, big).status, 413);
  EXPECT_EQ(apply(), 0);
}

TEST_F(RemoteApi, PicturesAtTheAskedWidthAndNotAheadForTheAudience) {
  Reply r = call(port_, "GET", "/api/slide/1.png?w=320", control_);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "image/png");
  ASSERT_GT(r.body.size(), 24u);
  EXPECT_EQ(r.body.substr(1, 3), "PNG");
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(r.body[at]) << 24) |
           (static_cast<unsigned char>(r.body[at + 1]) << 16) |
           (static_cast<unsigned char>(r.body[at + 2]) << 8) |
           static_cast<unsigned char>(r.body[at + 3]);
  };
  EXPECT_EQ(be32(16), 320);
  EXPECT_EQ(be32(20), 180);
  EXPECT_EQ(call(port_, "GET", "/api/slide/1.png?w=320").status, 401);
  EXPECT_EQ(call(port_, "GET", "/api/slide/1.png?w=32", control_).status, 400);
  EXPECT_EQ(call(port_, "GET", "/api/slide/1.png?w=99999", control_).status, 400);
  EXPECT_EQ(call(port_, "GET", "/api/slide/1.png?w=3e2", control_).status, 400);
  EXPECT_EQ(call(port_, "GET", "/api/slide/1.png", control_).status, 400);
  EXPECT_EQ(call(port_, "GET", "/api/slide/9.png?w=320", control_).status, 404);
  // The speaker sees what comes next; the audience only what was shown.
  EXPECT_EQ(call(port_, "GET", "/api/slide/3.png?w=320", control_).status, 200);
  EXPECT_EQ(call(port_, "GET", "/api/slide/1.png?w=320", audience_).status, 200);
  EXPECT_EQ(call(port_, "GET", "/api/slide/2.png?w=320", audience_).status, 403);
  show::act(show_, {show::ActionKind::kNext}, 0);
  publish();
  EXPECT_EQ(call(port_, "GET", "/api/slide/2.png?w=320", audience_).status, 200);
}

TEST_F(RemoteApi, EventsFollowTheShowAndAReconnectResyncs) {
  test::EventStream first(port_, control_, "phone");
  ASSERT_EQ(first.status(), 200);
  nlohmann::json s = nlohmann::json::parse(first.next());
  EXPECT_EQ(s["slide"], 1) << "the state comes at once";
  ASSERT_EQ(call(port_, "POST", "/api/next", control_, R"({"client":"phone","seq":1})").status,
            200);
  apply();
  s = nlohmann::json::parse(first.next(), nullptr, false);
  EXPECT_EQ(s["slide"], 2);
  // The phone slept; it comes back with a new stream (the same page): the
  // old stream is closed, the new one starts from where the talk is, and
  // nothing moved.
  test::EventStream second(port_, control_, "phone");
  ASSERT_EQ(second.status(), 200);
  s = nlohmann::json::parse(second.next());
  EXPECT_EQ(s["slide"], 2);
  EXPECT_EQ(first.next(2s), "");
  EXPECT_TRUE(first.ended());
  EXPECT_EQ(apply(), 0);
  // The audience's stream has no notes and needs its token.
  test::EventStream audience(port_, audience_);
  ASSERT_EQ(audience.status(), 200);
  s = nlohmann::json::parse(audience.next());
  EXPECT_FALSE(s.contains("notes"));
  test::EventStream none(port_, "");
  EXPECT_EQ(none.status(), 401);
}

class RemoteCaps : public RemoteApi {
 protected:
  Limits limits() override {
    Limits l;
    l.remotes = 2;
    l.commands_per_s = 1;
    l.commands_burst = 3;
    return l;
  }
};

TEST_F(RemoteCaps, StreamsPerRoleAreCappedAndCommandsRateLimited) {
  test::EventStream a(port_, control_, "a"), b(port_, control_, "b");
  ASSERT_EQ(a.status(), 200);
  ASSERT_EQ(b.status(), 200);
  test::EventStream c(port_, control_, "c");
  EXPECT_EQ(c.status(), 503);
  test::EventStream listener(port_, audience_);
  EXPECT_EQ(listener.status(), 200) << "the audience has its own cap";
  int ok = 0, limited = 0;
  for (int i = 1; i <= 6; ++i) {
    const int status = call(port_, "POST", "/api/next", control_,
                            R"({"client":"a","seq":)" + std::to_string(i) + "}")
                           .status;
    ok += status == 200;
    limited += status == 429;
  }
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(limited, 3);
}

TEST(RemoteAudienceOnly, ServesNoControl) {
  ServerOptions options;
  options.control = false;
  std::string error;
  auto server = Server::start(options, {}, &error);
  ASSERT_NE(server, nullptr) << error;
  const int port = server->port();
  EXPECT_EQ(call(port, "GET", "/r").status, 404);
  EXPECT_EQ(call(port, "GET", "/a").status, 200);
  EXPECT_EQ(call(port, "POST", "/api/next", server->tokens().control, R"({"seq":1})").status, 401);
}

}  // namespace
}  // namespace madang::remote
