# Deck parser benchmark: the lecture deck, a generated 300-slide deck, and the
# pathological nesting/table inputs that limits.h bounds.
#   build-deck/tests/bench/deck_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
add_executable(deck_bench ${CMAKE_CURRENT_LIST_DIR}/deck_bench.cpp)
madang_test(deck_bench)
target_link_libraries(deck_bench PRIVATE madang_deck benchmark::benchmark)
target_compile_definitions(deck_bench PRIVATE
  MADANG_LECTURE_MD="${PROJECT_SOURCE_DIR}/slides/lecture.md")
