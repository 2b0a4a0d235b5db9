# Present mode with the presenter console on two displays (Xorg's dummy
# driver): time to the first frame of both windows, memory after every
# slide, and CPU and frames while a slide stands with the timer running.
#   cmake --build BUILD --target bench_console
add_custom_target(bench_console
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/console_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present of slides/lecture.md with a console on two displays")
