# Present mode: start to first frame (median of whole-process runs) and
# resident memory while presenting, on a private Xvfb.
#   cmake --build BUILD --target bench_present
add_custom_target(bench_present
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/present_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present of slides/lecture.md: first frame and memory")
