# Sourced by the window benchmarks (present_bench.sh, kiosk_bench.sh):
# start_private_xvfb starts Xvfb (1920x1080x24) on a free display number,
# waits until it answers, and exports DISPLAY and SDL's drivers for it. It
# sets xvfb_pid; the caller's EXIT trap kills that.
start_private_xvfb() {
  local n=$((200 + $$ % 300))
  # A free display number (Xvfb's lock files say which are taken).
  while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do
    DISPLAY=:$n xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.05
  done
  export DISPLAY=:$n SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy
  unset WAYLAND_DISPLAY
}
