# A PDF deck presented by Madang against pdfpc (Debian's pdf-presenter-console),
# the same generated 100-page PDF in one window of the same size on a private
# Xvfb (1920x1080): start to page 1, page-turn latency seen on the screen,
# memory after every page, and CPU while a page stands, with the ratios
# Madang/pdfpc. About 2 minutes; installs pdfpc with apt-get when missing.
#   cmake --build BUILD --target bench_pdf_deck
add_custom_target(bench_pdf_deck
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/pdf_deck_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang
  USES_TERMINAL
  COMMENT "madang present against pdfpc on a 100-page PDF: first frame, page turn, memory, CPU")
