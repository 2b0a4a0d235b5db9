# Whole-process benchmark of issue #15's hostile files: `cmake --build BUILD
# --target bench_hostile` (median time and peak memory of check and export,
# each under ulimit -v 1 GiB). Give OLD=/path/to/madang to the script to
# print an older binary's figures beside them.
add_custom_target(bench_hostile
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/hostile_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang hostile_gen
  USES_TERMINAL
  COMMENT "madang check/export of tests/hostile's files: median time, peak memory")
