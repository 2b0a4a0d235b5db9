# The kiosk left alone for 10 real minutes on a private Xvfb (1920x1080, full
# screen, the lecture, an advance every 15 s): CPU and memory samples, and
# the frames it draws (none between advances).
#   cmake --build BUILD --target bench_kiosk   (KIOSK_BENCH_SECONDS=60 for a short run)
add_custom_target(bench_kiosk
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/kiosk_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang kiosk of slides/lecture.md for 10 minutes: CPU, memory, frames")
