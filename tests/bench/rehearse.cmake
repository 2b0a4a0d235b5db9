# Rehearsal history: committing a finished slide on the drawing thread versus
# queueing it for the writer thread; reading, lining up and planning 100 runs
# of a 200-slide deck; and `madang rehearsals` over them as a whole process.
#   build/tests/bench/history_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#   cmake --build build --target bench_rehearsals
add_library(history_fill STATIC ${CMAKE_CURRENT_LIST_DIR}/history_fill.cpp)
madang_test(history_fill)
target_link_libraries(history_fill PUBLIC madang_history)
target_include_directories(history_fill PUBLIC ${CMAKE_CURRENT_LIST_DIR})

add_executable(history_bench ${CMAKE_CURRENT_LIST_DIR}/history_bench.cpp)
madang_test(history_bench)
target_link_libraries(history_bench PRIVATE history_fill madang_cli madang_test_temp
  benchmark::benchmark Threads::Threads)
target_compile_definitions(history_bench PRIVATE
  MADANG_BENCH_OUTPUT="${CMAKE_BINARY_DIR}/bench-output")

add_executable(history_fill_tool ${CMAKE_CURRENT_LIST_DIR}/history_fill_main.cpp)
madang_test(history_fill_tool)
target_link_libraries(history_fill_tool PRIVATE history_fill)

add_custom_target(bench_rehearsals
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/rehearsals_bench.sh ${PROJECT_BINARY_DIR}
  DEPENDS madang history_fill_tool
  USES_TERMINAL
  COMMENT "madang rehearsals over 100 runs of a 200-slide deck")
