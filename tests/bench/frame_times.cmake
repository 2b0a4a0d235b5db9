# Frame times during transitions, fragment reveals and diagram animations of
# the lecture, at 1920x1080 and 3840x2160 on SDL's software renderer and the
# default one and OpenGL, on a private Xvfb (issue #25). About 5 minutes.
#   cmake --build BUILD --target bench_frame_times
add_custom_target(bench_frame_times
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/frame_times_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present of slides/lecture.md: frame times at 1080p and 4K")
