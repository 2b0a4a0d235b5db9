# Whole-process benchmark of issue #25's decks (highlighting bounded in work):
# `cmake --build BUILD --target bench_highlight` (median CPU time of `madang
# check` of every language definition's worst lines). Give OLD=/path/to/madang
# to the script to print an older binary's figures beside them.
add_custom_target(bench_highlight
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/highlight_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang highlight_gen
  USES_TERMINAL
  COMMENT "madang check of every language's worst lines: median CPU time")
