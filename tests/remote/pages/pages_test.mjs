// The remote's pages in headless Chromium (Debian's), at a phone's viewport,
// driven by playwright-core. Called by tests/remote/remote_e2e_test.cpp with
// a running `madang present --remote` (127.0.0.1 only):
//
//   node pages_test.mjs tap URL             opens the speaker's page, taps 다음,
//                                           waits until the page shows slide 2
//   node pages_test.mjs key URL             opens it, presses Right, Right, Left
//                                           on the laptop (xdotool, $DISPLAY),
//                                           prints "key-to-phone-ms N", the
//                                           median time to the page showing it
//   node pages_test.mjs audience URL        opens the audience page, prints its
//                                           text ("text: ...") and checks it
//                                           has no notes and no control
// Exit 0 when the step held, 1 with the reason on stderr.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';

const [mode, url] = process.argv.slice(2);
if (!url || !url.startsWith('http://127.0.0.1:')) {
  console.error('usage: node pages_test.mjs tap|key|audience http://127.0.0.1:PORT/...#TOKEN');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = '';
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
    locale: 'ko-KR',
  });
  const page = await context.newPage();
  // Nothing but the server under test is ever asked for.
  const origin = new URL(url).origin;
  await page.route('**/*', route =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort());
  await page.goto(url);
  // Polled every 5 ms (not on animation frames, which a headless page may throttle).
  const slideShown = async n => page.waitForFunction(
      k => document.body.dataset.slide === String(k), n, { timeout: 5000, polling: 5 });
  if (mode === 'tap') {
    await slideShown(1);
    if (page.url().includes('#')) failed = 'the token stayed in the address bar';
    await page.tap('#go');
    await slideShown(2);
    // The pictures came, with the token as a header (the image is a blob).
    await page.waitForFunction(() => document.getElementById('current').src.startsWith('blob:'),
                               null, { timeout: 5000 });
    const notes = await page.textContent('#notes');
    console.log('notes: ' + notes.replace(/\n/g, ' '));
  } else if (mode === 'key') {
    // Three keys (Right, Right, Left): each one's time from the key pressed
    // (xdotool started) to the page showing the new slide or step; the
    // median printed.
    await page.waitForFunction(() => document.body.dataset.slide, null, { timeout: 5000 });
    const times = [];
    const where = () => page.evaluate(() => document.body.dataset.slide + '.' + document.body.dataset.step);
    for (const key of ['Right', 'Right', 'Left']) {
      const before = await where();
      const t0 = Date.now();
      execFileSync('xdotool', ['key', key]);
      // The slide or its step changed (a fragment is a step).
      await page.waitForFunction(
          b => document.body.dataset.slide + '.' + document.body.dataset.step !== b, before,
          { timeout: 5000, polling: 5 });
      times.push(Date.now() - t0);
    }
    console.log('key-to-phone-all ' + times.join(' '));
    console.log('key-to-phone-ms ' + [...times].sort((a, b) => a - b)[1]);
  } else if (mode === 'audience') {
    await page.waitForFunction(() => document.getElementById('text').textContent.length > 0,
                               null, { timeout: 5000 });
    if (await page.$('#go')) failed = 'the audience page has a control';
    console.log('text: ' + (await page.textContent('#text')));
    console.log('html: ' + (await page.innerHTML('#text')));
  } else {
    failed = 'unknown mode ' + mode;
  }
} catch (e) {
  failed = String(e);
} finally {
  await browser.close();
}
if (failed) {
  console.error(failed);
  process.exit(1);
}
