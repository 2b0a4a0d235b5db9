# Photos at the size they are shown: `cmake --build BUILD --target bench_photo`.
add_custom_target(bench_photo
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/photo_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "check and export of ten 12-megapixel photo backgrounds, and a blurred one")
