# Linear-time benchmark (issue #15): styled text from 10 KB to 1 MB, laid out
# as one paragraph (the text stage alone, nothing cut) and as a deck of
# slides (parse + layout of every slide); time per KB must stay flat.
#   build/tests/bench/scaling_bench --benchmark_repetitions=5
#   --benchmark_report_aggregates_only=true
add_executable(scaling_bench ${CMAKE_CURRENT_LIST_DIR}/scaling_bench.cpp)
madang_test(scaling_bench)
target_link_libraries(scaling_bench PRIVATE madang_layout benchmark::benchmark)
