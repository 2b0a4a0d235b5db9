// The pages (see pages.h). One script part is shared: the token, the
// authorized fetch, the event stream with its reconnection, the pictures.
#include "remote/pages.h"

namespace madang::remote {

namespace {

const char* const kCommonScript = R"JS(
'use strict';
const KEY = 'madang-token-' + location.pathname;
if (location.hash.length > 1) {
  sessionStorage.setItem(KEY, decodeURIComponent(location.hash.slice(1)));
  history.replaceState(null, '', location.pathname);
}
const TOKEN = sessionStorage.getItem(KEY) || '';
const AUTH = { Authorization: 'Bearer ' + TOKEN };
let CLIENT = sessionStorage.getItem('madang-client');
if (!CLIENT) {
  const b = new Uint8Array(8); crypto.getRandomValues(b);
  CLIENT = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem('madang-client', CLIENT);
}
const $ = id => document.getElementById(id);
function say(text) { $('status').textContent = text; }

// Server-sent events through fetch, reopened after any drop: the state is
// fetched first each time, so a phone that slept shows where the talk is.
let streamAbort = null, lastEvent = 0, onState = () => {};
async function resync() {
  try {
    const r = await fetch('/api/state', { headers: AUTH, cache: 'no-store' });
    if (r.status === 401) { say('주소가 맞지 않습니다: QR 코드를 다시 찍어 주세요'); return false; }
    if (r.ok) onState(await r.json());
    return r.ok;
  } catch (e) { return false; }
}
async function stream() {
  for (let wait = 500;; wait = Math.min(wait * 2, 5000)) {
    if (await resync()) {
      streamAbort = new AbortController();
      try {
        const r = await fetch('/api/events?client=' + CLIENT,
                              { headers: AUTH, cache: 'no-store', signal: streamAbort.signal });
        if (r.ok) {
          say('연결됨'); wait = 250;
          const reader = r.body.getReader(), dec = new TextDecoder();
          let buf = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            lastEvent = Date.now();
            buf += dec.decode(value, { stream: true });
            let cut;
            while ((cut = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, cut); buf = buf.slice(cut + 2);
              const data = block.split('\n').filter(l => l.startsWith('data: '))
                                .map(l => l.slice(6)).join('\n');
              if (data) onState(JSON.parse(data));
            }
          }
        }
      } catch (e) { }
    }
    say('다시 연결하는 중…');
    await new Promise(r => setTimeout(r, wait));
  }
}
// Back from sleep, or a stream silent past two heartbeats: open it again.
function restart() { if (streamAbort) streamAbort.abort(); }
document.addEventListener('visibilitychange', () => {
  if (!document.hidden && Date.now() - lastEvent > 20000) restart();
});
setInterval(() => { if (lastEvent && Date.now() - lastEvent > 35000) restart(); }, 5000);

// Slide pictures at the element's size in device pixels, kept per URL.
const pictures = new Map();
async function picture(img, slide, step, deck) {
  if (!slide) { img.removeAttribute('src'); img.alt = '끝'; return; }
  const w = Math.max(64, Math.min(2048, Math.round(img.clientWidth * (window.devicePixelRatio || 1))));
  const url = `/api/slide/${slide}.png?w=${w}&step=${step}&d=${deck}`;
  img.dataset.want = url;
  let src = pictures.get(url);
  if (!src) {
    try {
      const r = await fetch(url, { headers: AUTH });
      if (!r.ok) return;
      src = URL.createObjectURL(await r.blob());
      pictures.set(url, src);
    } catch (e) { return; }
  }
  if (img.dataset.want === url) img.src = src;
}
)JS";

const char* const kCommonStyle = R"CSS(
* { box-sizing: border-box; }
html, body { margin: 0; background: #111; color: #eee;
  font-family: 'Noto Sans CJK KR', 'Noto Sans KR', system-ui, sans-serif; }
body { display: flex; flex-direction: column; min-height: 100vh; }
/* Korean breaks between words (keep-all), as the slides do. */
#notes, main { word-break: keep-all; overflow-wrap: anywhere; }
#status { font-size: 14px; color: #999; padding: 4px 12px; }
img.slide { width: 100%; aspect-ratio: 16 / 9; background: #000; display: block; object-fit: contain; }
)CSS";

std::string page(const char* title, const char* style, const char* body, const char* script) {
  std::string out =
      "<!doctype html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"referrer\" content=\"no-referrer\"><title>";
  out += title;
  out += "</title><style>";
  out += kCommonStyle;
  out += style;
  out += "</style></head><body>";
  out += body;
  out += "<script>";
  out += kCommonScript;
  out += script;
  out += "</script></body></html>\n";
  return out;
}

}  // namespace

const std::string& control_page() {
  static const std::string html = page("마당 리모컨",
                                       R"CSS(
#top { display: flex; justify-content: space-between; align-items: baseline; padding: 8px 12px;
  font-size: 20px; gap: 8px; flex-wrap: wrap; }
#where { font-weight: bold; font-size: 24px; }
.ahead { color: #6c6; } .behind { color: #f66; } .warning { color: #fb3; }
#pictures { display: grid; grid-template-columns: 2fr 1fr; gap: 8px; padding: 0 8px; }
#nextbox { font-size: 14px; color: #aaa; }
#notes { flex: 1; padding: 8px 12px; font-size: 20px; line-height: 1.5; white-space: pre-wrap;
  overflow-y: auto; min-height: 4em; }
#buttons { display: grid; grid-template-columns: 1fr 2fr; gap: 8px; padding: 8px; }
button { font: inherit; font-size: 28px; border: 0; border-radius: 14px; padding: 24px 8px;
  background: #333; color: #fff; touch-action: manipulation; }
button.next { background: #1d5fd1; font-size: 36px; }
#tools { display: flex; gap: 8px; padding: 0 8px 8px; }
#tools button { flex: 1; font-size: 18px; padding: 14px 4px; }
#tools button.on { background: #a33; }
#pad { margin: 0 8px 8px; aspect-ratio: 16 / 9; background: #222; border: 2px dashed #555;
  border-radius: 10px; display: none; touch-action: none; color: #777; text-align: center;
  align-items: center; justify-content: center; font-size: 18px; }
body.laser #pad { display: flex; }
body.clicker #pictures, body.clicker #notes, body.clicker #tools, body.clicker #pad { display: none; }
body.clicker #buttons { flex: 1; grid-template-columns: 1fr; grid-template-rows: 1fr 2fr; }
body.clicker button { font-size: 48px; }
#clickerbar { display: none; padding: 8px; } body.clicker #clickerbar { display: block; }
)CSS",
                                       R"HTML(
<div id="status">연결하는 중…</div>
<div id="top"><span id="where">–</span><span id="elapsed" title="경과">–</span>
<span id="left" title="남은 시간">–</span><span id="pace">–</span><span id="clock">–</span></div>
<div id="pictures"><div><img id="current" class="slide" alt="현재 슬라이드"></div>
<div><div id="nextbox">다음</div><img id="next" class="slide" alt="다음"></div></div>
<div id="notes" aria-label="노트"></div>
<div id="pad">여기를 움직이면 레이저가 움직입니다</div>
<div id="tools"><button id="black">검은 화면</button><button id="laser">레이저</button>
<button id="clicker">클리커만</button></div>
<div id="clickerbar"><button id="full" style="width:100%;font-size:18px;padding:10px">전체 화면으로</button></div>
<div id="buttons"><button id="prev" class="prev" aria-label="이전">◀ 이전</button>
<button id="go" class="next" aria-label="다음">다음 ▶</button></div>
)HTML",
                                       R"JS(
let seq = Number(sessionStorage.getItem('madang-seq') || '0');
let state = null;
// A command carries this page's next sequence number; a retry of a request
// that got no answer sends the same number, so it never acts twice.
async function send(path, extra) {
  seq += 1; sessionStorage.setItem('madang-seq', String(seq));
  const body = JSON.stringify(Object.assign({ client: CLIENT, seq }, extra || {}));
  for (let i = 0; i < 3; ++i) {
    try {
      const r = await fetch('/api/' + path, { method: 'POST', headers: Object.assign(
          { 'Content-Type': 'application/json' }, AUTH), body });
      if (r.ok || r.status < 500) return;
    } catch (e) { }
    await new Promise(r => setTimeout(r, 300));
  }
  say('명령을 보내지 못했습니다');
}
$('go').onclick = () => send('next');
$('prev').onclick = () => send('prev');
$('black').onclick = () => send('black');
$('clicker').onclick = () => document.body.classList.toggle('clicker');
$('full').onclick = () => document.body.classList.remove('clicker');
$('laser').onclick = () => { document.body.classList.toggle('laser');
  $('laser').classList.toggle('on'); };
// Swipe on the slide: left for next, right for previous.
let swipe = null;
$('pictures').addEventListener('touchstart', e => { swipe = e.touches[0]; }, { passive: true });
$('pictures').addEventListener('touchend', e => {
  if (!swipe) return;
  const dx = e.changedTouches[0].clientX - swipe.clientX, dy = e.changedTouches[0].clientY - swipe.clientY;
  swipe = null;
  if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) send(dx < 0 ? 'next' : 'prev');
});
// The touch pad: the laser's place on the slide, at most 30 times a second.
let padSent = 0;
function pad(e, visible) {
  const r = $('pad').getBoundingClientRect();
  const x = (e.clientX - r.left) / r.width, y = (e.clientY - r.top) / r.height;
  const now = Date.now();
  if (visible && now - padSent < 33) return;
  padSent = now;
  fetch('/api/pointer', { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, AUTH),
        body: JSON.stringify({ x: Math.min(1, Math.max(0, x)), y: Math.min(1, Math.max(0, y)), visible }) }).catch(() => {});
}
$('pad').addEventListener('pointermove', e => { if (e.buttons || e.pointerType === 'touch') pad(e, true); });
$('pad').addEventListener('pointerdown', e => pad(e, true));
$('pad').addEventListener('pointerup', e => pad(e, false));
document.addEventListener('keydown', e => {
  if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') send('next');
  if (e.key === 'ArrowLeft' || e.key === 'PageUp') send('prev');
});
onState = s => {
  state = s;
  document.body.dataset.slide = s.slide; document.body.dataset.step = s.step;
  $('where').textContent = `${s.slide} / ${s.slides}` + (s.steps > 1 ? ` · 단계 ${s.step}/${s.steps}` : '');
  const t = s.timer;
  $('elapsed').textContent = '경과 ' + (t.elapsed || '0:00');
  $('left').textContent = t.left ? '남은 ' + t.left : '';
  $('pace').textContent = t.pace ? t.pace + (t.pace_mood === 'ahead' ? ' 앞서는 중' : t.pace_mood === 'behind' ? ' 늦는 중' : '') : '';
  $('pace').className = t.pace_mood;
  $('clock').textContent = t.clock || '';
  $('black').classList.toggle('on', s.blank !== 'none');
  $('black').textContent = s.blank === 'none' ? '검은 화면' : '화면 켜기';
  $('notes').textContent = s.notes || '노트 없음';
  picture($('current'), s.slide, s.step, s.deck);
  $('nextbox').textContent = s.next ? (s.next.slide === s.slide ? `다음: 단계 ${s.next.step}` : `다음: 슬라이드 ${s.next.slide}`) : '마지막입니다';
  picture($('next'), s.next ? s.next.slide : 0, s.next ? s.next.step : 0, s.deck);
};
stream();
)JS");
  return html;
}

const std::string& audience_page() {
  static const std::string html = page("마당 · 슬라이드",
                                       R"CSS(
body { background: #fafafa; color: #111; }
#status { color: #666; }
#bar { display: flex; gap: 8px; align-items: center; padding: 8px; }
#bar button { font: inherit; font-size: 18px; padding: 10px 14px; border-radius: 10px; border: 1px solid #999;
  background: #fff; }
#bar #where { flex: 1; text-align: center; font-size: 18px; }
#follow { display: none; } body.behind #follow { display: inline-block; background: #1d5fd1; color: #fff; }
main { padding: 0 8px 24px; font-size: 20px; line-height: 1.6; }
main table { border-collapse: collapse; } main td, main th { border: 1px solid #999; padding: 4px 8px; }
.black img.slide { visibility: hidden; }
)CSS",
                                       R"HTML(
<div id="status" role="status">연결하는 중…</div>
<img id="current" class="slide" alt="지금 화면의 슬라이드">
<div id="bar"><button id="back" aria-label="앞 슬라이드">◀</button><span id="where">–</span>
<button id="fwd" aria-label="뒤 슬라이드">▶</button><button id="follow">발표 따라가기</button></div>
<main id="text" aria-live="polite"></main>
)HTML",
                                       R"JS(
// The slides shown so far, their text as last seen; a reader may look back
// (the talk does not move) and comes back with "발표 따라가기".
const seen = new Map();
let live = null, viewing = 0, deck = 0;
function show(n) {
  const s = seen.get(n); if (!s) return;
  viewing = n;
  document.body.classList.toggle('behind', live && n !== live.slide);
  $('where').textContent = `${n} / ${live ? live.slides : n}` + (live && n !== live.slide ? ' (지난 슬라이드)' : '');
  $('text').innerHTML = s.text;
  document.body.classList.toggle('black', n === live.slide && live.blank !== 'none');
  picture($('current'), n, n === live.slide ? live.step : 0, deck);
}
onState = s => {
  const following = !live || viewing === live.slide;
  live = s; deck = s.deck;
  seen.set(s.slide, { text: s.text });
  document.body.dataset.slide = s.slide;
  if (following) show(s.slide); else show(viewing);
};
function step(d) {
  const keys = [...seen.keys()].sort((a, b) => a - b);
  const at = keys.indexOf(viewing) + d;
  if (at >= 0 && at < keys.length) show(keys[at]);
}
$('back').onclick = () => step(-1);
$('fwd').onclick = () => step(1);
$('follow').onclick = () => live && show(live.slide);
stream();
)JS");
  return html;
}

}  // namespace madang::remote
