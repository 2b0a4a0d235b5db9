# The first frame of a 50-photo deck and a change to the next photo (issue
# #25): `cmake --build BUILD --target bench_photo_first_frame`.
add_custom_target(bench_photo_first_frame
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/photo_first_frame_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present of fifty 12-megapixel photos: first frame and slide changes")
