# Whole-process export benchmark: `cmake --build BUILD --target bench_export`.
add_custom_target(bench_export
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/export_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang export of slides/lecture.md: median of 15 runs")
