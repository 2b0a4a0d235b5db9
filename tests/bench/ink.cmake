# Ink in present mode on a private Xvfb: latency from a pointer event to the
# stroke on screen, frames while drawing, CPU at rest with ink, and a slide
# with 10,000 points of ink turning in one frame.
#   cmake --build BUILD --target bench_ink
add_custom_target(bench_ink
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/ink_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present with ink: latency, frames, CPU at rest, a heavy slide")
