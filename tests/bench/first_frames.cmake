# First frames (the console on two displays, one window) and the PNG export's
# peak memory of the lecture, medians of 5 runs (issue #25). Root, for Xorg.
#   cmake --build BUILD --target bench_first_frames
add_custom_target(bench_first_frames
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/first_frames_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present and export of slides/lecture.md: first frames and export memory")
