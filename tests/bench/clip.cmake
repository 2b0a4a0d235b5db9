# A 1080p30 H.264 clip of 60 s played by `madang present` on a private Xvfb
# (1920x1080): frames shown and late, CPU per second of video against
# ffmpeg's own decode, peak memory, CPU after the clip ends. About 2 minutes.
#   cmake --build BUILD --target bench_clip
add_custom_target(bench_clip
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/clip_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "a 1080p30 H.264 clip for 60 s: frames late, CPU per second against ffmpeg, memory")
