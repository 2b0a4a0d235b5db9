# A forum's switches (key -> next card, key -> a talk's first slide): ms and
# frames, on a private Xvfb.
#   cmake --build BUILD --target bench_forum
add_custom_target(bench_forum
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/forum_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present forum.yaml: switch times and frames")
