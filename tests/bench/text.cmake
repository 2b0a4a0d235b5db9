# Text engine benchmark: layout of the whole lecture (cold, cached) against a
# bare hb_shape of the same text with the same font (the floor).
#   build-text/tests/bench/text_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
add_executable(text_bench ${CMAKE_CURRENT_LIST_DIR}/text_bench.cpp)
madang_test(text_bench)
target_link_libraries(text_bench PRIVATE madang_text benchmark::benchmark)
target_compile_definitions(text_bench PRIVATE
  MADANG_SEED_TEXT="${PROJECT_SOURCE_DIR}/../shared/seed/000_53151330f0875615.txt"
  MADANG_LECTURE_MD="${PROJECT_SOURCE_DIR}/slides/lecture.md")
