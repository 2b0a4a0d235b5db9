# PDF export against Marp CLI + Chromium, whole process (time, peak memory,
# file size): `cmake --build BUILD --target bench_pdf`. Installs Chromium
# (apt) and marp-cli (npm, outside the tree) on first use; see the script.
add_custom_target(bench_pdf
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/pdf_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang export --pdf vs marp --pdf on the lecture: medians")
