# From a fresh clone to the first slide: clone, scripts/setup --program, the
# lecture's first frame on a private Xvfb (issue #25). Heavy: run it alone.
#   cmake --build BUILD --target bench_fresh_clone
add_custom_target(bench_fresh_clone
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/fresh_clone_bench.sh ${PROJECT_SOURCE_DIR}
  USES_TERMINAL
  COMMENT "a fresh clone of this checkout to the lecture's first slide")
